import { describe, expect, it } from 'vitest';
import { inputShapeProblem, isWellFormed, MAX_INPUT_DEPTH } from './input-shape';

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('inputShapeProblem', () => {
  it('accepts ordinary bodies, including well-formed astral characters', () => {
    expect(inputShapeProblem({ name: 'ok 🙂 名前', scopes: ['account:read'], nested: { a: [1, { b: 'x' }] } })).toBeNull();
  });

  it('refuses a lone high or low surrogate in any string, naming the field path', () => {
    expect(inputShapeProblem({ email: 'a\ud800@example.com' })).toMatchObject({ field: 'email', constraint: 'wellFormedString' });
    expect(inputShapeProblem({ scopes: ['ok', 'x\udc00'] })).toMatchObject({ field: 'scopes.1', constraint: 'wellFormedString' });
    expect(inputShapeProblem({ a: { b: '\ud83d' } })).toMatchObject({ field: 'a.b' });
    expect(inputShapeProblem({ a: 'ends high \udbff' })).not.toBeNull();
    expect(inputShapeProblem({ a: '\udfff starts low' })).not.toBeNull();
  });

  it('refuses a lone surrogate in a key, and NUL characters', () => {
    expect(inputShapeProblem({ ['k\ud800']: 1 })).toMatchObject({ constraint: 'wellFormedString' });
    expect(inputShapeProblem({ name: 'a\u0000b' })).toMatchObject({ field: 'name', constraint: 'noNulCharacter' });
  });

  it('refuses nesting past the limit without overflowing the stack, even at 100 000 levels', () => {
    expect(inputShapeProblem({ x: nested(MAX_INPUT_DEPTH - 2) })).toBeNull();
    expect(inputShapeProblem({ x: nested(MAX_INPUT_DEPTH + 1) })).toMatchObject({ constraint: 'maxDepth' });
    const problem = inputShapeProblem({ name: nested(100_000) });
    expect(problem).toMatchObject({ constraint: 'maxDepth' });
    expect(problem!.field.startsWith('name')).toBe(true);
  });

  it('isWellFormed agrees with the pairing rules', () => {
    expect(isWellFormed('\ud83d\ude00')).toBe(true);
    expect(isWellFormed('\ude00\ud83d')).toBe(false);
    expect(isWellFormed('')).toBe(true);
  });
});
