import { describe, expect, it } from 'vitest';
import { CachedToken, TokenCache } from './token-cache';

const token = (tokenId: string): CachedToken => ({
  tokenId, userId: 'u', scopes: ['account:read'], status: 'ACTIVE', expiresAt: null, deletedAt: null,
  requestLimit: null, quotaLimit: null, rateLimit: null, allowedIps: [],
  userDisabled: false, retired: null, secretPreview: 'tsr_…abcd',
  applicationId: 'app', name: 'n', ownerUsername: 'o', createdAt: new Date(0), quotaRefill: null,
});

describe('TokenCache', () => {
  it('answers a stored hash until it is invalidated', () => {
    const cache = new TokenCache(10, 60_000);
    cache.store('h1', token('a'), cache.generation);
    expect(cache.get('h1')?.tokenId).toBe('a');
    cache.invalidate('h1');
    expect(cache.get('h1')).toBeUndefined();
  });

  it('drops a store whose read began before an invalidation (no stale entry from a racing lookup)', () => {
    const cache = new TokenCache(10, 60_000);
    const before = cache.generation;
    cache.invalidate('h1');
    cache.store('h1', token('stale'), before);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets entries after their lifetime and evicts the oldest beyond its size', () => {
    let now = 0;
    const cache = new TokenCache(2, 1_000, () => now);
    cache.store('h1', token('a'), cache.generation);
    cache.store('h2', token('b'), cache.generation);
    cache.store('h3', token('c'), cache.generation);
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(2);
    now = 1_000;
    expect(cache.get('h2')).toBeUndefined();
  });

  it('stores nothing when its size is 0 (turned off)', () => {
    const cache = new TokenCache(0, 1_000);
    cache.store('h1', token('a'), cache.generation);
    expect(cache.enabled).toBe(false);
    expect(cache.get('h1')).toBeUndefined();
  });
});
