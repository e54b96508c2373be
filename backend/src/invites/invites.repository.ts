import { Injectable } from '@nestjs/common';
import { Invite, Prisma } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';

/** All Prisma access for invitations. */
@Injectable()
export class InvitesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(data: Prisma.InviteUncheckedCreateInput, audit: Prisma.AuditEventUncheckedCreateInput): Promise<Invite> {
    const [invite] = await this.prisma.$transaction([this.prisma.invite.create({ data }), this.prisma.auditEvent.create({ data: audit })]);
    return invite;
  }

  async page(page: number, limit: number): Promise<{ rows: Invite[]; total: number }> {
    const where: Prisma.InviteWhereInput = { deletedAt: null };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.invite.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * limit, take: limit }),
      this.prisma.invite.count({ where }),
    ]);
    return { rows, total };
  }

  findByHash(codeHash: string): Promise<Invite | null> {
    return this.prisma.invite.findUnique({ where: { codeHash } });
  }

  findLive(id: string): Promise<Invite | null> {
    return this.prisma.invite.findFirst({ where: { id, deletedAt: null } });
  }

  async softDelete(id: string, at: Date, audit: Prisma.AuditEventUncheckedCreateInput): Promise<Invite> {
    const [invite] = await this.prisma.$transaction([
      this.prisma.invite.update({ where: { id }, data: { deletedAt: at } }),
      this.prisma.auditEvent.create({ data: audit }),
    ]);
    return invite;
  }

  /**
   * Marks the invite used by `userId`, inside the registration's transaction, only if it is still
   * unused, not deleted and not expired: of concurrent registrations with one code, one row update
   * wins and the others see 0 rows (and roll their account back).
   */
  async claim(tx: Prisma.TransactionClient, id: string, userId: string, now: Date): Promise<boolean> {
    const claimed = await tx.invite.updateMany({
      where: { id, usedAt: null, deletedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedByUserId: userId },
    });
    return claimed.count === 1;
  }
}
