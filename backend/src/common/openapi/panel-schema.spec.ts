import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../../test/support/openapi-types';
import { offlineOpenApiDocument } from './offline-document';

const PANEL_SCHEMA = path.resolve(__dirname, '..', '..', '..', '..', 'frontend', 'src', 'api', 'schema.d.ts');
const HEADER =
  '// Generated from the OpenAPI document by openapi-typescript: do not edit.\n' +
  '// Regenerate with `pnpm --filter @tessera/backend openapi:panel` after changing a route, a DTO or a view.\n\n';

/**
 * The panel's API types are generated from the same document the server serves. This test fails
 * when the committed file is stale; `UPDATE_PANEL_SCHEMA=1` (the `openapi:panel` script) rewrites it.
 */
describe('the panel API types (frontend/src/api/schema.d.ts)', () => {
  it('are generated from the current OpenAPI document', async () => {
    const expected = HEADER + (await generateTypes(await offlineOpenApiDocument()));
    if (process.env.UPDATE_PANEL_SCHEMA === '1') writeFileSync(PANEL_SCHEMA, expected);
    const committed = existsSync(PANEL_SCHEMA) ? readFileSync(PANEL_SCHEMA, 'utf8') : '';
    expect(committed === expected, 'frontend/src/api/schema.d.ts is stale: run `pnpm --filter @tessera/backend openapi:panel` and commit it').toBe(true);
  }, 60_000);
});
