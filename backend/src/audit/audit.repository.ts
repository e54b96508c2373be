import { Injectable } from '@nestjs/common';
import { AuditEvent, Prisma } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { AuditEventType } from '../contract';

/** All Prisma access for the audit log. Every read is scoped to its user. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(userId: string, page: number, limit: number, tokenId?: string): Promise<{ rows: AuditEvent[]; total: number }> {
    const where: Prisma.AuditEventWhereInput = { userId, ...(tokenId ? { tokenId } : {}) };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * limit, take: limit }),
      this.prisma.auditEvent.count({ where }),
    ]);
    return { rows, total };
  }

  /** Name and preview of the tokens a page of events mentions (the user's own only). */
  tokensNamed(userId: string, ids: string[]): Promise<{ id: string; name: string; tokenPreview: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.apiToken.findMany({ where: { userId, id: { in: ids } }, select: { id: true, name: true, tokenPreview: true } });
  }

  /**
   * Writes a refusal event unless the same token already has one of this type within `windowMs`
   * (checked in the same statement, so several instances together still write one a window).
   */
  async insertUnlessRecent(
    event: { userId: string; tokenId: string; secretPreview: string; type: AuditEventType; ip: string | null; details: Record<string, unknown> },
    now: Date,
    windowMs: number,
  ): Promise<boolean> {
    const since = new Date(now.getTime() - windowMs);
    const written = await this.prisma.$executeRaw`
      INSERT INTO audit_events (id, user_id, token_id, type, actor_kind, actor_token_id, actor_secret_preview, ip, created_at, details)
      SELECT gen_random_uuid(), ${event.userId}::uuid, ${event.tokenId}::uuid, ${event.type}, 'token', ${event.tokenId}::uuid,
             ${event.secretPreview}, ${event.ip}, ${now}, ${JSON.stringify(event.details)}::jsonb
      WHERE NOT EXISTS (
        SELECT 1 FROM audit_events WHERE token_id = ${event.tokenId}::uuid AND type = ${event.type} AND created_at > ${since}
      )`;
    return written === 1;
  }
}
