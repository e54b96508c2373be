import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The second writes .vitest/failures.json, which `pnpm test` (scripts/test.mjs) lists at the end.
  test: { reporters: ['default', '../../scripts/vitest-failures.mjs'] },
});
