import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent } from '@prisma/client';
import { AUDIT_ACTOR_KINDS, AUDIT_EVENT_TYPES, type AuditActorKind, type AuditEventType } from '../contract';

export class AuditEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES }) type!: AuditEventType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) tokenId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The token's current name (null when it no longer exists)" })
  tokenName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS }) actorKind!: AuditActorKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorTokenId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Preview of the acting token's current secret" })
  actorTokenPreview!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Preview of the secret the acting token presented for this event (an old secret within a rotation grace period is not the current one); null for other actors and for events recorded before it was kept',
  })
  actorSecretPreview!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The acting admin (actorKind admin)' }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per type: name, changed, via, gracePeriodSeconds, tokenPreview' })
  details!: Record<string, unknown>;

  static from(row: AuditEvent, tokens: Map<string, { name: string; tokenPreview: string }>): AuditEventView {
    return {
      id: row.id,
      type: row.type as AuditEventType,
      tokenId: row.tokenId,
      tokenName: row.tokenId ? (tokens.get(row.tokenId)?.name ?? null) : null,
      actorKind: row.actorKind as AuditActorKind,
      actorTokenId: row.actorTokenId,
      actorTokenPreview: row.actorTokenId ? (tokens.get(row.actorTokenId)?.tokenPreview ?? null) : null,
      actorSecretPreview: row.actorSecretPreview,
      actorUserId: row.actorUserId,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      details: (row.details ?? {}) as Record<string, unknown>,
    };
  }
}

export class AuditEventPageView {
  @ApiProperty({ type: AuditEventView, isArray: true }) data!: AuditEventView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}
