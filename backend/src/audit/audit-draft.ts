import type { Prisma } from '@prisma/client';
import type { AuditEventType } from '../contract';
import type { Actor } from './actor';

/** An audit row waiting for its token id; written in the same transaction as the change it records. */
export type AuditDraft = Omit<Prisma.AuditEventUncheckedCreateInput, 'tokenId'>;

/** Addresses are stored in the column's 45 characters (longest textual IPv6 with IPv4 tail). */
export function storedIp(ip: string | null | undefined): string | null {
  return ip ? ip.slice(0, 45) : null;
}

export function auditDraft(userId: string, type: AuditEventType, actor: Actor, details: Record<string, unknown> = {}): AuditDraft {
  return {
    userId,
    type,
    actorKind: actor.kind,
    actorTokenId: actor.tokenId ?? null,
    actorSecretPreview: actor.secretPreview ?? null,
    ip: storedIp(actor.ip),
    details: details as Prisma.InputJsonObject,
  };
}

/**
 * The one place a token change's audit row is written, inside the change's own transaction (so
 * there is never a change without its row, or a row without its change). Refusals are written by
 * AuditService.noteRefusal.
 */
export function writeAuditRow(tx: Prisma.TransactionClient, draft: AuditDraft, tokenId: string): Promise<unknown> {
  return tx.auditEvent.create({ data: { ...draft, tokenId } });
}
