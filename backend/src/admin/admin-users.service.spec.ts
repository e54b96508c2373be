import { describe, expect, it } from 'vitest';
import type { User } from '@prisma/client';
import { AppException } from '../common/app-exception';
import { planChange } from './admin-users.service';

const now = new Date('2026-12-01T12:00:00Z');
const user = (id: string, role: 'admin' | 'member', disabled = false): User => ({
  id,
  username: id,
  usernameKey: id,
  email: `${id}@example.com`,
  passwordHash: 'x',
  sessionVersion: 3,
  role,
  disabledAt: disabled ? now : null,
  lastSignInAt: null,
  createdAt: now,
  updatedAt: now,
});
const actor = { id: 'boss', role: 'admin', disabledAt: null };
const context = { actorId: 'boss', ip: '10.0.0.1', now };
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as AppException).code;
  }
  return 'OK';
};

describe('planChange (the rule of role and status changes)', () => {
  it('refuses to demote or disable the last active admin with LAST_ADMIN', () => {
    const target = user('other', 'admin');
    expect(codeOf(() => planChange({ actor, target, otherActiveAdmins: 0 }, { role: 'member' }, context))).toBe('LAST_ADMIN');
    expect(codeOf(() => planChange({ actor, target, otherActiveAdmins: 0 }, { disabled: true }, context))).toBe('LAST_ADMIN');
    expect(codeOf(() => planChange({ actor, target, otherActiveAdmins: 1 }, { role: 'member' }, context))).toBe('OK');
  });

  it('refuses an admin demoting or disabling themselves, but lets them make no-op changes', () => {
    const self = user('boss', 'admin');
    expect(codeOf(() => planChange({ actor, target: self, otherActiveAdmins: 3 }, { role: 'member' }, context))).toBe('CANNOT_CHANGE_SELF');
    expect(codeOf(() => planChange({ actor, target: self, otherActiveAdmins: 3 }, { disabled: true }, context))).toBe('CANNOT_CHANGE_SELF');
    expect(planChange({ actor, target: self, otherActiveAdmins: 3 }, { role: 'admin', disabled: false }, context)).toEqual({ data: {}, audits: [] });
  });

  it('refuses an actor demoted or disabled since the guard let them in', () => {
    const target = user('m', 'member');
    expect(codeOf(() => planChange({ actor: { ...actor, role: 'member' }, target, otherActiveAdmins: 1 }, { role: 'admin' }, context))).toBe('ADMIN_REQUIRED');
    expect(codeOf(() => planChange({ actor: { ...actor, disabledAt: now }, target, otherActiveAdmins: 1 }, { disabled: true }, context))).toBe('ADMIN_REQUIRED');
  });

  it('disabling signs the sessions out and is audited with the acting admin; enabling clears it', () => {
    const disabled = planChange({ actor, target: user('m', 'member'), otherActiveAdmins: 1 }, { disabled: true }, context);
    expect(disabled.data).toEqual({ disabledAt: now, sessionVersion: { increment: 1 } });
    expect(disabled.audits).toEqual([expect.objectContaining({ type: 'admin.user_disabled', actorKind: 'admin', actorUserId: 'boss', ip: '10.0.0.1' })]);
    const enabled = planChange({ actor, target: user('m', 'member', true), otherActiveAdmins: 1 }, { disabled: false, role: 'admin' }, context);
    expect(enabled.data).toEqual({ role: 'admin', disabledAt: null });
    expect(enabled.audits.map((audit) => audit.type)).toEqual(['admin.role_changed', 'admin.user_enabled']);
  });
});
