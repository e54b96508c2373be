import { Injectable } from '@nestjs/common';
import { Prisma, type ServiceKey } from '@prisma/client';
import type { CatalogueScope } from '../contract';
import { PrismaService } from '../database/prisma.service';
import type { ApplicationWithScopes } from './application.view';

const WITH_SCOPES = { scopes: { orderBy: { position: 'asc' } } } as const satisfies Prisma.ApplicationInclude;

export interface AdminAudit {
  actorUserId: string;
  ip: string | null;
}

/** A token that lost scopes or was revoked: its hashes leave the verification caches. */
export interface ChangedToken {
  id: string;
  userId: string;
  tokenHash: string;
}

const scopeRows = (applicationId: string, scopes: readonly CatalogueScope[]) =>
  scopes.map((entry, position) => ({
    applicationId,
    scope: entry.scope,
    description: entry.description,
    descriptionZh: entry.descriptionZh ?? null,
    implies: [...new Set(entry.implies ?? [])],
    position,
  }));

/** All Prisma access for applications, their catalogues and service keys. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Live (not deleted) applications, the built-in one first. */
  list(): Promise<ApplicationWithScopes[]> {
    return this.prisma.application.findMany({ where: { deletedAt: null }, include: WITH_SCOPES, orderBy: [{ builtIn: 'desc' }, { name: 'asc' }, { id: 'asc' }] });
  }

  summaries(): Promise<{ id: string; slug: string; name: string }[]> {
    return this.prisma.application.findMany({ select: { id: true, slug: true, name: true } });
  }

  find(id: string): Promise<ApplicationWithScopes | null> {
    return this.prisma.application.findFirst({ where: { id, deletedAt: null }, include: WITH_SCOPES });
  }

  slugTaken(slug: string): Promise<boolean> {
    return this.prisma.application.count({ where: { slug } }).then((count) => count > 0);
  }

  create(data: { slug: string; name: string; description: string | null }, scopes: readonly CatalogueScope[], audit: AdminAudit): Promise<ApplicationWithScopes> {
    return this.prisma.$transaction(async (tx) => {
      const app = await tx.application.create({ data });
      await tx.applicationScope.createMany({ data: scopeRows(app.id, scopes) });
      await tx.auditEvent.create({ data: this.adminEvent('application.created', audit, { applicationId: app.id, slug: app.slug }) });
      return tx.application.findUniqueOrThrow({ where: { id: app.id }, include: WITH_SCOPES });
    });
  }

  /** Live tokens (active, not deleted) of the application holding any of `scopes`. */
  countLiveTokensHolding(applicationId: string, scopes: string[]): Promise<number> {
    if (scopes.length === 0) return Promise.resolve(0);
    return this.prisma.apiToken.count({ where: { applicationId, status: 'ACTIVE', deletedAt: null, scopes: { hasSome: scopes } } });
  }

  countLiveTokens(applicationId: string): Promise<number> {
    return this.prisma.apiToken.count({ where: { applicationId, status: 'ACTIVE', deletedAt: null } });
  }

  /**
   * Edits the application; with `scopes`, replaces the catalogue and takes `removed` scopes away
   * from every token of the application that holds them (each owner's log records it).
   */
  update(
    id: string,
    data: { name?: string; description?: string | null },
    scopes: readonly CatalogueScope[] | undefined,
    removed: string[],
    audit: AdminAudit,
  ): Promise<{ app: ApplicationWithScopes; changed: ChangedToken[] }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.application.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
      let changed: ChangedToken[] = [];
      if (scopes) {
        await tx.applicationScope.deleteMany({ where: { applicationId: id } });
        await tx.applicationScope.createMany({ data: scopeRows(id, scopes) });
        if (removed.length > 0) {
          const holders = await tx.apiToken.findMany({ where: { applicationId: id, scopes: { hasSome: removed } }, select: { id: true, userId: true, tokenHash: true, scopes: true, name: true } });
          for (const token of holders) {
            const lost = token.scopes.filter((scope) => removed.includes(scope));
            await tx.apiToken.update({ where: { id: token.id }, data: { scopes: token.scopes.filter((scope) => !removed.includes(scope)) } });
            await tx.auditEvent.create({
              data: { ...this.adminEvent('token.scopes_removed', audit, { name: token.name, scopes: lost, applicationId: id }), userId: token.userId, tokenId: token.id },
            });
          }
          changed = holders.map(({ id: tokenId, userId, tokenHash }) => ({ id: tokenId, userId, tokenHash }));
        }
      }
      await tx.auditEvent.create({ data: this.adminEvent('application.updated', audit, { applicationId: id, changed: Object.keys(data).concat(scopes ? ['scopes'] : []), removedScopes: removed }) });
      return { app: await tx.application.findUniqueOrThrow({ where: { id }, include: WITH_SCOPES }), changed };
    });
  }

  /** Soft delete: the application, its service keys and every live token of it stop at once. */
  remove(id: string, audit: AdminAudit, now: Date): Promise<{ tokens: ChangedToken[]; keyHashes: string[] }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.application.update({ where: { id }, data: { deletedAt: now } });
      const keys = await tx.serviceKey.findMany({ where: { applicationId: id, revokedAt: null }, select: { id: true, keyHash: true } });
      await tx.serviceKey.updateMany({ where: { id: { in: keys.map((key) => key.id) }, revokedAt: null }, data: { revokedAt: now, revokedBy: 'application' } });
      const live = await tx.apiToken.findMany({ where: { applicationId: id, status: 'ACTIVE' }, select: { id: true, userId: true, tokenHash: true, name: true } });
      if (live.length > 0) {
        await tx.apiToken.updateMany({ where: { id: { in: live.map((row) => row.id) } }, data: { status: 'REVOKED', revokedAt: now, revokedBy: 'admin' } });
        await tx.auditEvent.createMany({
          data: live.map((row) => ({ ...this.adminEvent('admin.token_revoked', audit, { name: row.name, reason: 'application.deleted', applicationId: id }), userId: row.userId, tokenId: row.id, createdAt: now })),
        });
      }
      await tx.auditEvent.create({ data: this.adminEvent('application.deleted', audit, { applicationId: id, revokedTokens: live.length }) });
      return { tokens: live.map(({ id: tokenId, userId, tokenHash }) => ({ id: tokenId, userId, tokenHash })), keyHashes: keys.map((key) => key.keyHash) };
    });
  }

  /** Hashes of rotated-out secrets of these tokens still within grace: they stand for the tokens in caches. */
  async liveRetiredHashes(tokenIds: string[], now: Date): Promise<string[]> {
    if (tokenIds.length === 0) return [];
    const rows = await this.prisma.apiTokenRetiredSecret.findMany({ where: { tokenId: { in: tokenIds }, graceUntil: { gt: now } }, select: { tokenHash: true } });
    return rows.map((row) => row.tokenHash);
  }

  createServiceKey(data: { applicationId: string; name: string; keyHash: string; keyPreview: string; createdById: string }, audit: AdminAudit): Promise<ServiceKey> {
    return this.prisma.$transaction(async (tx) => {
      const key = await tx.serviceKey.create({ data });
      await tx.auditEvent.create({ data: this.adminEvent('service_key.created', audit, { applicationId: data.applicationId, serviceKeyId: key.id, name: key.name, keyPreview: key.keyPreview }) });
      return key;
    });
  }

  serviceKeysOf(applicationId: string): Promise<ServiceKey[]> {
    return this.prisma.serviceKey.findMany({ where: { applicationId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  findServiceKey(applicationId: string, id: string): Promise<ServiceKey | null> {
    return this.prisma.serviceKey.findFirst({ where: { id, applicationId } });
  }

  /** Revokes a key that is still active; null when it already was. */
  revokeServiceKey(key: ServiceKey, audit: AdminAudit, now: Date): Promise<ServiceKey | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.serviceKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now, revokedBy: 'admin' } });
      if (count !== 1) return null;
      await tx.auditEvent.create({ data: this.adminEvent('service_key.revoked', audit, { applicationId: key.applicationId, serviceKeyId: key.id, name: key.name, keyPreview: key.keyPreview }) });
      return tx.serviceKey.findUniqueOrThrow({ where: { id: key.id } });
    });
  }

  /** The key by its hash, with whether its application is still there. */
  findServiceKeyByHash(keyHash: string) {
    return this.prisma.serviceKey.findUnique({ where: { keyHash }, include: { application: { select: { id: true, slug: true, deletedAt: true } } } });
  }

  /** At most one write a minute per key: a busy service costs one row update a minute. */
  async touchServiceKey(id: string, now: Date): Promise<void> {
    await this.prisma.serviceKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] }, data: { lastUsedAt: now } });
  }

  private adminEvent(type: string, audit: AdminAudit, details: Record<string, unknown>): Prisma.AuditEventUncheckedCreateInput {
    return { userId: audit.actorUserId, type, actorKind: 'admin', actorUserId: audit.actorUserId, ip: audit.ip, details: details as Prisma.InputJsonObject };
  }
}
