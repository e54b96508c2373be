import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { aToken } from '../../test/fixtures';
import {
  createFormDefaults,
  emptyScopeSelection,
  hasAnyScope,
  scopesFromSelection,
  editFormDefaults,
  expiresAtFor,
  isFutureExpiry,
  isValidLimit,
  selectionFromScopes,
  toCreateBody,
  toUpdateBody,
} from './token-form-model';

const now = dayjs('2025-03-01T12:00:00.000Z');

describe('token form model', () => {
  it('turns a 7-day preset into an expiry exactly seven days from now', () => {
    expect(expiresAtFor({ expiryPreset: '7d' }, now)).toBe('2025-03-08T12:00:00.000Z');
  });

  it('treats a custom date as valid through the end of that day and rejects past days', () => {
    expect(isFutureExpiry(dayjs('2025-02-28'), now)).toBe(false);
    expect(isFutureExpiry(now, now)).toBe(true);
    expect(isFutureExpiry(null, now)).toBe(false);
  });

  it('accepts only positive whole limits up to the server maximum', () => {
    expect(isValidLimit(undefined, 'requestLimit')).toBe(true);
    expect(isValidLimit(5, 'requestLimit')).toBe(true);
    expect(isValidLimit(0, 'requestLimit')).toBe(false);
    expect(isValidLimit(1.5, 'quotaLimit')).toBe(false);
    expect(isValidLimit(1_000_000, 'rateLimit')).toBe(false);
  });

  it('reads write as implying read when loading a token into the picker', () => {
    expect(selectionFromScopes(['tokens:read', 'tokens:write', 'usage:read'])).toEqual({
      account: 'none',
      tokens: 'write',
      usage: 'read',
      special: [],
    });
  });

  it('carries the special scopes (tokens:rotate-self) through the picker both ways', () => {
    const selection = selectionFromScopes(['account:read', 'tokens:rotate-self']);
    expect(selection).toEqual({ account: 'read', tokens: 'none', usage: 'none', special: ['tokens:rotate-self'] });
    expect(scopesFromSelection(selection)).toEqual(['account:read', 'tokens:rotate-self']);
    expect(hasAnyScope({ ...emptyScopeSelection(), special: ['tokens:rotate-self'] })).toBe(true);
    expect(hasAnyScope(emptyScopeSelection())).toBe(false);
  });

  it('leaves empty optional settings out of a create body', () => {
    const values = { ...createFormDefaults(), name: '  deploy ', expiryPreset: 'never' as const };
    values.scopes.account = 'read';
    expect(toCreateBody(values, now)).toEqual({ name: 'deploy', scopes: ['account:read'] });
  });

  it('sends null to clear limits and keeps the expiry untouched when editing', () => {
    const token = aToken({ expiresAt: '2030-01-01T00:00:00.000Z', requestLimit: 10 });
    const values = { ...editFormDefaults(token), requestLimit: null };
    expect(toUpdateBody(values, now)).toEqual({
      name: token.name,
      description: null,
      scopes: ['tokens:read'],
      requestLimit: null,
      quotaLimit: null,
      rateLimit: null,
    });
  });
});
