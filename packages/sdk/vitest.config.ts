import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The second writes .vitest/failures.json, which `pnpm test` (scripts/test.mjs) lists at the end.
  test: {
    reporters: ['default', '../../scripts/vitest-failures.mjs'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
