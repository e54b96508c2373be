import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { TESSERA_APPLICATION_ID } from '@tessera/backend/contract';
import { aToken } from '../../test/fixtures';
import {
  DEFAULT_POLICY,
  presetsAllowed,
  allowedIpsProblem,
  createFormDefaults,
  emptyScopeSelection,
  hasAnyScope,
  scopesFromSelection,
  editFormDefaults,
  expiresAtFor,
  isFutureExpiry,
  isValidLimit,
  parseAllowedIps,
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
      quotaRefill: null,
      requestLimit: null,
      quotaLimit: null,
      rateLimit: null,
      allowedIps: [],
    });
  });

  it('sends the scopes of another application\'s catalogue and its id, and a refill when both parts are set', () => {
    const values = {
      ...createFormDefaults(),
      name: 'deploy',
      applicationId: '20000000-0000-4000-8000-000000000001',
      appScopes: ['deploy:write'],
      quotaLimit: 100,
      quotaRefillAmount: 50,
      quotaRefillInterval: 'week' as const,
      expiryPreset: 'never' as const,
    };
    expect(toCreateBody(values, now)).toEqual({
      name: 'deploy',
      applicationId: '20000000-0000-4000-8000-000000000001',
      scopes: ['deploy:write'],
      quotaLimit: 100,
      quotaRefill: { amount: 50, interval: 'week' },
    });
    // Tessera's own API: no applicationId, group scopes, and no refill without an interval.
    expect(toCreateBody({ ...values, applicationId: TESSERA_APPLICATION_ID, quotaRefillInterval: null }, now)).toEqual({ name: 'deploy', scopes: [], quotaLimit: 100 });
  });

  it('reads the allowlist text as entries split on lines, commas and spaces, without blanks or repeats', () => {
    expect(parseAllowedIps(' 10.0.0.0/8,\n\n::1  203.0.113.7\r\n::1 ')).toEqual(['10.0.0.0/8', '::1', '203.0.113.7']);
    expect(parseAllowedIps(undefined)).toEqual([]);
  });

  it('refuses allowlist entries the API refuses: not an IP, prefix out of range, too many', () => {
    expect(allowedIpsProblem('203.0.113.7\n10.0.0.0/8\n2001:db8::/32\n::ffff:10.0.0.0/104\n::/0')).toBeNull();
    expect(allowedIpsProblem('10.0.0.0/33\n2001:db8::/129\n1.2.3.04\nexample.com\n1.2.3.4')).toEqual({
      kind: 'invalid',
      entries: ['10.0.0.0/33', '2001:db8::/129', '1.2.3.04', 'example.com'],
    });
    const many = Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`).join('\n');
    expect(allowedIpsProblem(many)).toEqual({ kind: 'tooMany', max: 50 });
  });

  it('sends the allowlist on create only when it has entries, and always on edit', () => {
    const values = { ...createFormDefaults(), name: 'x', expiryPreset: 'never' as const, allowedIps: '10.0.0.0/8' };
    values.scopes.account = 'read';
    expect(toCreateBody(values, now).allowedIps).toEqual(['10.0.0.0/8']);
    expect(toCreateBody({ ...values, allowedIps: '  ' }, now)).not.toHaveProperty('allowedIps');
    expect(editFormDefaults(aToken({ allowedIps: ['1.2.3.4', '::1'] })).allowedIps).toBe('1.2.3.4\n::1');
  });

  it('offers only the presets a policy allows, and leaves "no expiry" out of an edit of a token that has none', () => {
    expect(presetsAllowed(DEFAULT_POLICY, null)).toEqual(['7d', '30d', '60d', '90d', '1y', 'custom', 'never']);
    expect(presetsAllowed({ ...DEFAULT_POLICY, maxTokenLifetimeDays: 30, allowNoExpiry: false }, '2030-01-01T00:00:00.000Z')).toEqual([
      'keep',
      '7d',
      '30d',
      'custom',
    ]);
    const values = { ...editFormDefaults(aToken({ expiresAt: null })) };
    expect(values.expiryPreset).toBe('never');
    expect(toUpdateBody(values, now, null)).not.toHaveProperty('expiresAt');
    expect(toUpdateBody(values, now, '2030-01-01T00:00:00.000Z').expiresAt).toBeNull();
  });
});
