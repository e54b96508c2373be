import { Injectable, Logger } from '@nestjs/common';
import type { AuditEventType } from '../contract';
import { AuditRepository } from './audit.repository';
import { storedIp } from './audit-draft';
import { AuditEventPageView, AuditEventView } from './audit-event.view';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

/** At most one refusal event per token and type in this window. */
export const REFUSAL_AUDIT_WINDOW_MS = 60_000;
const MAX_GATE_ENTRIES = 10_000;

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);
  /** `tokenId:type` -> when this instance last tried to write one: a flood never reaches the database. */
  private readonly gate = new Map<string, number>();

  constructor(private readonly audit: AuditRepository) {}

  async list(userId: string, query: ListAuditEventsQuery): Promise<AuditEventPageView> {
    const { rows, total } = await this.audit.page(userId, query.page, query.limit, query.tokenId);
    const ids = [...new Set(rows.flatMap((row) => [row.tokenId, row.actorTokenId]).filter((id): id is string => id !== null))];
    const tokens = new Map((await this.audit.tokensNamed(userId, ids)).map((token) => [token.id, token]));
    return {
      data: rows.map((row) => AuditEventView.from(row, tokens)),
      total,
      page: query.page,
      limit: query.limit,
      totalPages: Math.ceil(total / query.limit),
    };
  }

  /**
   * A refusal seen on the hot path (call from a disallowed IP, reuse of a rotated-out secret).
   * Never awaited by the caller and never throws; at most one row per token and type a minute.
   */
  noteRefusal(
    token: { tokenId: string; userId: string; secretPreview: string },
    type: Extract<AuditEventType, 'token.ip_refused' | 'token.rotated_secret_reused'>,
    ip: string | null,
    details: Record<string, unknown> = {},
    now = new Date(),
  ): void {
    const key = `${token.tokenId}:${type}`;
    const last = this.gate.get(key);
    if (last !== undefined && now.getTime() - last < REFUSAL_AUDIT_WINDOW_MS) return;
    if (this.gate.size >= MAX_GATE_ENTRIES) this.pruneGate(now.getTime());
    this.gate.set(key, now.getTime());
    this.audit
      .insertUnlessRecent({ userId: token.userId, tokenId: token.tokenId, secretPreview: token.secretPreview, type, ip: storedIp(ip), details }, now, REFUSAL_AUDIT_WINDOW_MS)
      .catch((error: Error) => this.logger.warn(`Could not write a ${type} audit event: ${error.message}`));
  }

  private pruneGate(nowMs: number): void {
    for (const [key, at] of this.gate) if (nowMs - at >= REFUSAL_AUDIT_WINDOW_MS) this.gate.delete(key);
    if (this.gate.size >= MAX_GATE_ENTRIES) this.gate.clear();
  }
}
