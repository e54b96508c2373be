import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../../test/support/openapi-types';
import { ERROR_CATALOGUE } from '../../contract';
import { offlineOpenApiDocument } from './offline-document';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const HEADER =
  '// Generated from the OpenAPI document by openapi-typescript: do not edit.\n' +
  '// Regenerate with `pnpm --filter @tessera/backend openapi:generate` after changing a route, a DTO or a view.\n\n';

/** Every file generated from the contract, and what it must contain. */
async function generatedFiles(): Promise<Record<string, string>> {
  const types = HEADER + (await generateTypes(await offlineOpenApiDocument()));
  const statuses =
    '// Generated from backend/src/contract/error-codes.ts (the one catalogue of codes and statuses): do not edit.\n\n' +
    '/** The HTTP status Tessera answers each error code with. */\n' +
    `export const ERROR_STATUS = ${JSON.stringify(Object.fromEntries(Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [code, entry.status])), null, 2)} as const;\n\n` +
    'export type ErrorCode = keyof typeof ERROR_STATUS;\n';
  return {
    'frontend/src/api/schema.d.ts': types,
    'packages/sdk/src/generated/schema.ts': types,
    'packages/sdk/src/generated/error-statuses.ts': statuses,
  };
}

/**
 * The panel's and the SDK's API types are generated from the same document the server serves.
 * This test fails when a committed copy is stale; `UPDATE_GENERATED=1` (the `openapi:generate`
 * script) rewrites them.
 */
describe('files generated from the contract', () => {
  it('are up to date with the OpenAPI document and the error catalogue', async () => {
    const stale: string[] = [];
    for (const [file, expected] of Object.entries(await generatedFiles())) {
      const full = path.join(ROOT, file);
      if (process.env.UPDATE_GENERATED === '1') {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, expected);
      }
      if (!existsSync(full) || readFileSync(full, 'utf8') !== expected) stale.push(file);
    }
    expect(stale, 'stale generated files: run `pnpm --filter @tessera/backend openapi:generate` and commit them').toEqual([]);
  }, 60_000);
});
