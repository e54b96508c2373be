import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The JSON report is what `pnpm test` (scripts/test.mjs) lists failures from at the end.
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
