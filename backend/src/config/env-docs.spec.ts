import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env.schema';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
// The schema wraps its object in a refinement; its `shape` lists every variable.
const variables = Object.keys((envSchema as unknown as { _def: { schema: { shape: object } } })._def.schema.shape);

describe('configuration docs', () => {
  it('finds the variables in the schema', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'JWT_SECRET']));
  });

  it.each(['docs/operator-guide.md', 'README.md'])('%s documents every environment variable', (file) => {
    const text = read(file);
    const missing = variables.filter((name) => name !== 'NODE_ENV' && !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
