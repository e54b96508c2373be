import { ERROR_CODES } from '@tessera/backend/contract';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';

type Tree = { [key: string]: string | Tree };

function flattenKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value, `${prefix}${key}.`),
  );
}

const englishKeys = flattenKeys(resources['en-US'].translation as unknown as Tree).sort();
const chineseKeys = flattenKeys(resources['zh-CN'].translation as unknown as Tree).sort();

// Vite reads every source file as text; the scan sees what a reviewer would grep for.
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Literal keys: in t('…') calls and in key tables such as `{ title: 'credentials.confirm.revokeTitle' }`. */
function keysUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  const literal = /['"]((?:common|auth|credentials|profile|errors|security|administration|panel)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)['"]/g;
  for (const [file, text] of Object.entries(sources)) {
    for (const match of text.matchAll(literal)) used.set(match[1], file);
  }
  return used;
}

describe('translations', () => {
  it('have exactly the same keys in en-US and zh-CN', () => {
    expect(chineseKeys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    expect(englishKeys.filter((key) => !chineseKeys.includes(key))).toEqual([]);
  });

  it('contain every key that the source code names literally', () => {
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(([key]) => !englishKeys.includes(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('translate every error code of the shared catalogue', () => {
    const missing = Object.values(ERROR_CODES).filter((code) => !englishKeys.includes(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('leave no value empty in either language', () => {
    for (const language of ['en-US', 'zh-CN'] as const) {
      const tree = resources[language].translation as unknown as Tree;
      const empty = flattenKeys(tree).filter((key) => {
        const value = key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, language).toEqual([]);
    }
  });
});
