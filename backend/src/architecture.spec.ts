import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Feature folders in dependency order: each may import the ones after it, never the ones before. */
const LAYERS = ['access', 'api-tokens', 'usage'];

function importsOf(folder: string): { file: string; target: string }[] {
  const found: { file: string; target: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
          const target = path.relative(__dirname, path.resolve(path.dirname(full), match[1])).split(path.sep)[0];
          found.push({ file: path.relative(__dirname, full), target });
        }
      }
    }
  };
  walk(path.join(__dirname, folder));
  return found;
}

describe('module dependencies', () => {
  it('run one way between access/, api-tokens/ and usage/', () => {
    const backwards = LAYERS.flatMap((folder, index) =>
      importsOf(folder)
        .filter(({ target }) => LAYERS.slice(0, index).includes(target))
        .map(({ file, target }) => `${file} imports ${target}/`),
    );
    expect(backwards).toEqual([]);
  });

  it('keep contract/ free of imports from outside it (the panel imports it)', () => {
    expect(importsOf('contract').filter(({ target }) => target !== 'contract').map(({ file, target }) => `${file} imports ${target}`)).toEqual([]);
  });
});
