import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the decorators and their metadata the way tsc does, which Nest's DI relies on.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  test: {
    // The second writes .vitest/failures.json, which `pnpm test` (scripts/test.mjs) lists at the end.
    reporters: ['default', '../scripts/vitest-failures.mjs'],
    projects: [
      {
        plugins,
        test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        plugins,
        test: {
          name: 'api',
          // Unit tests first (fast feedback), then the API tests with their own worker count.
          sequence: { groupOrder: 1 },
          include: ['test/api/**/*.api.spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: a couple of files at a time keeps argon2 and PostgreSQL from starving each other.
          maxWorkers: 2,
        },
      },
    ],
  },
});
