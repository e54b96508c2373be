import type { ErrorFieldDetail } from '../../contract';

/** Deepest nesting of objects and arrays any request value may have; every DTO needs far fewer. */
export const MAX_INPUT_DEPTH = 32;

/**
 * The first thing in a request value that no handler should ever see, checked before
 * class-transformer and class-validator walk it (they recurse, so tens of thousands of levels
 * overflow the stack and answer 500) and before PostgreSQL stores it:
 * - nesting deeper than MAX_INPUT_DEPTH (`maxDepth`);
 * - a string, or an object key, that is not well-formed UTF-16: a lone surrogate such as
 *   `\ud800` (`wellFormedString`), which PostgreSQL's UTF-8 text cannot hold;
 * - a NUL character (`noNulCharacter`), which PostgreSQL text cannot store either.
 * The walk is iterative, so the check itself cannot overflow the stack.
 */
export function inputShapeProblem(value: unknown, root = ''): ErrorFieldDetail | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(current, path || 'value');
      if (problem) return problem;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      const field = path || 'value';
      return { field, constraint: 'maxDepth', message: `${field} is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    }
    for (const key of Object.keys(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isWellFormed(key) || key.includes('\u0000')) {
        const field = path ? `${path}.${printable(key)}` : printable(key);
        return { field, constraint: 'wellFormedString', message: `${field}: a field name must be well-formed text` };
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function stringProblem(value: string, field: string): ErrorFieldDetail | null {
  if (value.includes('\u0000')) return { field, constraint: 'noNulCharacter', message: `${field} must not contain NUL characters` };
  if (!isWellFormed(value)) {
    return { field, constraint: 'wellFormedString', message: `${field} must be well-formed Unicode text (no lone UTF-16 surrogates)` };
  }
  return null;
}

/** A key that is not well-formed cannot be echoed as is (it would not survive JSON to UTF-8). */
function printable(key: string): string {
  return key.replace(LONE_SURROGATE, '\ufffd').replace(/\u0000/g, '\\u0000');
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** String.prototype.isWellFormed (ES2024), without raising the project's lib level. */
export function isWellFormed(value: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(value);
}
