import { Injectable } from '@nestjs/common';
import { AppException, notFound } from '../common/app-exception';
import { storedIp } from '../audit/audit-draft';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import type { UserRole } from '../contract';
import { AdminRepository, type UserChangePlan, type UserChangeSnapshot, type UserRow } from './admin.repository';
import { AdminUserPageView, AdminUserView } from './admin.views';
import { ListUsersQuery, UpdateUserDto } from './dto/admin.dto';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

export function adminUserView(user: UserRow): AdminUserView {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role as UserRole,
    status: user.disabledAt ? 'disabled' : 'active',
    disabledAt: iso(user.disabledAt),
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: iso(user.lastSignInAt),
    lastActivityAt: iso(later(user.lastSignInAt, user.lastTokenUseAt)),
    tokenCount: user.tokenCount,
    activeTokenCount: user.activeTokenCount,
  };
}

/**
 * The rules of changing accounts: role and disabled. An admin cannot demote or disable
 * themselves, and no change may leave the install without an active admin. Disabling signs every
 * session out and stops every token of the user on every instance before it is answered.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly admin: AdminRepository,
    private readonly invalidation: TokenInvalidation,
  ) {}

  async list(query: ListUsersQuery): Promise<AdminUserPageView> {
    const { rows, total } = await this.admin.listUsers(query, new Date());
    return { data: rows.map(adminUserView), total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
  }

  async update(actorId: string, targetId: string, input: UpdateUserDto, ip: string | null): Promise<AdminUserView> {
    const now = new Date();
    let statusChanged = false;
    const updated = await this.admin.changeUser(actorId, targetId, (snapshot) => {
      const plan = planChange(snapshot, input, { actorId, ip: storedIp(ip), now });
      statusChanged = plan.data.disabledAt !== undefined;
      return plan;
    });
    if (!updated) throw notFound('User');
    // The verification caches of every instance hold the user's tokens with the old status.
    if (statusChanged) for (const hash of await this.admin.hashesOfUser(targetId, now)) await this.invalidation.invalidate(hash);
    return adminUserView((await this.admin.findUser(targetId, now))!);
  }
}

/** The one rule of role and status changes (pure: judged on a snapshot read under the admins' lock). */
export function planChange(
  { actor, target, otherActiveAdmins }: UserChangeSnapshot,
  input: UpdateUserDto,
  context: { actorId: string; ip: string | null; now: Date },
): UserChangePlan {
  const demote = input.role === 'member' && target.role === 'admin';
  const disable = input.disabled === true && !target.disabledAt;
  const enable = input.disabled === false && target.disabledAt !== null;
  const promote = input.role === 'admin' && target.role !== 'admin';
  if (target.id === context.actorId && (demote || disable)) {
    throw new AppException('CANNOT_CHANGE_SELF', 'You cannot demote or disable your own account; ask another admin');
  }
  const targetIsActiveAdmin = target.role === 'admin' && !target.disabledAt;
  if (targetIsActiveAdmin && (demote || disable) && otherActiveAdmins === 0) {
    throw new AppException('LAST_ADMIN', 'This is the last active admin: promote someone else first');
  }
  // The guard saw an admin; another admin may have demoted or disabled this one since.
  if (!actor || actor.role !== 'admin' || actor.disabledAt) {
    throw new AppException('ADMIN_REQUIRED', 'This action is for admins only');
  }
  const base = { actorKind: 'admin', actorUserId: context.actorId, ip: context.ip, createdAt: context.now };
  const plan: UserChangePlan = { data: {}, audits: [] };
  if (demote || promote) {
    plan.data.role = input.role;
    plan.audits.push({ ...base, type: 'admin.role_changed', details: { from: target.role, to: input.role, username: target.username } });
  }
  if (disable) {
    // Sessions issued before carry the old version and stop; re-enabling does not bring them back.
    plan.data.disabledAt = context.now;
    plan.data.sessionVersion = { increment: 1 };
    plan.audits.push({ ...base, type: 'admin.user_disabled', details: { username: target.username } });
  }
  if (enable) {
    plan.data.disabledAt = null;
    plan.audits.push({ ...base, type: 'admin.user_enabled', details: { username: target.username } });
  }
  return plan;
}
