import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // The second writes .vitest/failures.json, which `pnpm test` (scripts/test.mjs) lists at the end.
    reporters: ['default', '../scripts/vitest-failures.mjs'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
          testTimeout: 30_000,
          css: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          // Installs Debian's Chromium when it is missing and the user may (scripts/ensure-chromium.sh).
          globalSetup: ['./e2e/support/global-setup.ts'],
          // Browser tests share one server and one Chromium: run files one after another, and only
          // after the unit tests (on two cores, Chromium + server + build slow jsdom's findBy* waits).
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll gives up after 1 s by default; each poll is a round trip to a browser that, on
          // a loaded 2-core CI, can take a good part of that. Playwright's own waits allow 30 s.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
