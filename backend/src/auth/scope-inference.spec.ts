import { describe, expect, it } from 'vitest';
import { ALL_SCOPES, isScope, normalizeScopes, scopeGranted, scopesAllow } from '../contract';
import { levelForMethod } from './scope-inference';

describe('scope inference', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('%s needs read', (method) => {
    expect(levelForMethod(method)).toBe('read');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'delete'])('%s needs write', (method) => {
    expect(levelForMethod(method)).toBe('write');
  });
});

describe('scopes', () => {
  it('lists every group at both levels, then the special scopes', () => {
    expect(ALL_SCOPES).toEqual([
      'account:read', 'account:write', 'tokens:read', 'tokens:write', 'usage:read', 'usage:write', 'tokens:rotate-self',
    ]);
  });

  it('grants a special scope only by itself: tokens:write does not imply tokens:rotate-self, nor the reverse', () => {
    expect(scopeGranted(['tokens:rotate-self'], 'tokens:rotate-self')).toBe(true);
    expect(scopeGranted(['tokens:write'], 'tokens:rotate-self')).toBe(false);
    expect(scopeGranted(['tokens:rotate-self'], 'tokens:read')).toBe(false);
    expect(scopeGranted(['tokens:write'], 'tokens:read')).toBe(true);
    expect(normalizeScopes(['tokens:rotate-self', 'tokens:write', 'tokens:read'])).toEqual(['tokens:rotate-self', 'tokens:write']);
  });

  it('lets write imply read, never the reverse, and never across groups', () => {
    expect(scopesAllow(['tokens:write'], 'tokens', 'read')).toBe(true);
    expect(scopesAllow(['tokens:write'], 'tokens', 'write')).toBe(true);
    expect(scopesAllow(['tokens:read'], 'tokens', 'read')).toBe(true);
    expect(scopesAllow(['tokens:read'], 'tokens', 'write')).toBe(false);
    expect(scopesAllow(['account:write'], 'tokens', 'read')).toBe(false);
    expect(scopesAllow([], 'usage', 'read')).toBe(false);
  });

  it('recognises only group:level words and the special scopes', () => {
    expect(isScope('usage:read')).toBe(true);
    expect(isScope('tokens:rotate-self')).toBe(true);
    expect(isScope('account:rotate-self')).toBe(false);
    expect(isScope('usage:admin')).toBe(false);
    expect(isScope('billing:read')).toBe(false);
    expect(isScope(42)).toBe(false);
  });

  it('normalises by dropping read where write is granted, and sorting', () => {
    expect(normalizeScopes(['tokens:write', 'account:read', 'tokens:read', 'account:read'])).toEqual([
      'account:read',
      'tokens:write',
    ]);
  });
});
