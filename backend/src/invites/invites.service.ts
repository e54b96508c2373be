import { Injectable } from '@nestjs/common';
import type { Invite, Prisma } from '@prisma/client';
import { AppException, notFound } from '../common/app-exception';
import { storedIp } from '../audit/audit-draft';
import { generateInviteCode, hashInviteCode, previewInviteCode } from './invite-code';
import { CreatedInviteView, CreateInviteDto, InvitePageView, InviteView, ListInvitesQuery } from './dto/invite.dto';
import { InvitesRepository } from './invites.repository';

const invalid = () => new AppException('INVITE_INVALID', 'The invite code is not valid, already used, expired or for another email');

/** Invitations: create (code shown once), list, delete, and the check + single-use claim at registration. */
@Injectable()
export class InvitesService {
  constructor(private readonly invites: InvitesRepository) {}

  async create(adminId: string, input: CreateInviteDto, ip: string | null, panelOrigin: string): Promise<CreatedInviteView> {
    const code = generateInviteCode();
    const now = new Date();
    const invite = await this.invites.create(
      {
        codeHash: hashInviteCode(code),
        codePreview: previewInviteCode(code),
        email: input.email ?? null,
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        createdBy: adminId,
      },
      this.audit(adminId, 'admin.invite_created', ip, { email: input.email ?? null, expiresInDays: input.expiresInDays }),
    );
    const path = `/register?invite=${encodeURIComponent(code)}`;
    return { ...InviteView.from(invite, now), code, url: `${panelOrigin}${path}` };
  }

  async list(query: ListInvitesQuery): Promise<InvitePageView> {
    const { rows, total } = await this.invites.page(query.page, query.limit);
    const now = new Date();
    return { data: rows.map((row) => InviteView.from(row, now)), total, page: query.page, limit: query.limit, totalPages: Math.ceil(total / query.limit) };
  }

  async remove(adminId: string, id: string, ip: string | null): Promise<InviteView> {
    const invite = await this.invites.findLive(id);
    if (!invite) throw notFound('Invite');
    const deleted = await this.invites.softDelete(id, new Date(), this.audit(adminId, 'admin.invite_deleted', ip, { inviteId: id, email: invite.email }));
    return InviteView.from(deleted);
  }

  /** The invite a registration may use (403 INVITE_INVALID otherwise); claimed later, in the account's transaction. */
  async usableFor(code: string, email: string, now = new Date()): Promise<Invite> {
    const invite = await this.invites.findByHash(hashInviteCode(code));
    if (!invite || invite.usedAt || invite.deletedAt || invite.expiresAt.getTime() <= now.getTime()) throw invalid();
    if (invite.email && invite.email.toLowerCase() !== email.toLowerCase()) throw invalid();
    return invite;
  }

  /** Single use: throws (rolling the account back) when another registration claimed it first. */
  async claim(tx: Prisma.TransactionClient, invite: Invite, userId: string): Promise<void> {
    if (!(await this.invites.claim(tx, invite.id, userId, new Date()))) throw invalid();
  }

  private audit(adminId: string, type: string, ip: string | null, details: Record<string, unknown>): Prisma.AuditEventUncheckedCreateInput {
    return { userId: adminId, type, actorKind: 'admin', actorUserId: adminId, ip: storedIp(ip), details: details as Prisma.InputJsonObject };
  }
}
