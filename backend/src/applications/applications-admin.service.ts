import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { TokenInvalidation } from '../api-tokens/token-invalidation';
import { generateSecret, hashToken, previewToken, SERVICE_KEY_PREFIX } from '../api-tokens/token-format';
import { AppException, notFound, validationFailed } from '../common/app-exception';
import { catalogueProblems, type CatalogueScope } from '../contract';
import { ApplicationDirectory } from './application-directory';
import { ApplicationView, RevealedServiceKeyView, ServiceKeyView, type ApplicationWithScopes } from './application.view';
import { ApplicationsRepository, type AdminAudit, type ChangedToken } from './applications.repository';
import type { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';
import { ServiceKeyAuth } from './service-key-auth';

/**
 * The rules of applications for admins: catalogue checks, the built-in application that cannot
 * change, the "live tokens hold it" guard (409 unless forced), and service keys shown once.
 */
@Injectable()
export class ApplicationsAdminService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly directory: ApplicationDirectory,
    private readonly keys: ServiceKeyAuth,
    private readonly invalidation: TokenInvalidation,
  ) {}

  async list(): Promise<ApplicationView[]> {
    return (await this.repository.list()).map(ApplicationView.from);
  }

  async get(id: string): Promise<ApplicationView> {
    return ApplicationView.from(await this.find(id));
  }

  async create(input: CreateApplicationDto, audit: AdminAudit): Promise<ApplicationView> {
    const scopes = this.checkedCatalogue(input.scopes);
    if (await this.repository.slugTaken(input.slug)) throw this.slugTaken();
    try {
      const app = await this.repository.create({ slug: input.slug, name: input.name, description: input.description || null }, scopes, audit);
      return ApplicationView.from(app);
    } catch (error) {
      // Two admins racing for one slug: the unique index decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw this.slugTaken();
      throw error;
    }
  }

  async update(id: string, input: UpdateApplicationDto, force: boolean, audit: AdminAudit): Promise<ApplicationView> {
    const app = this.editable(await this.find(id));
    const scopes = input.scopes ? this.checkedCatalogue(input.scopes) : undefined;
    const removed = scopes ? app.scopes.map((row) => row.scope).filter((scope) => !scopes.some((entry) => entry.scope === scope)) : [];
    if (removed.length > 0 && !force) {
      const holders = await this.repository.countLiveTokensHolding(id, removed);
      if (holders > 0) throw this.inUse(holders, `${holders} live token(s) hold ${removed.join(', ')}; send ?force=true to remove the scopes from them`, removed);
    }
    const data = { name: input.name, description: input.description === undefined ? undefined : input.description || null };
    const { app: updated, changed } = await this.repository.update(id, data, scopes, removed, audit);
    this.directory.invalidate(id);
    await this.invalidateTokens(changed);
    return ApplicationView.from(updated);
  }

  async remove(id: string, force: boolean, audit: AdminAudit): Promise<void> {
    this.editable(await this.find(id));
    if (!force) {
      const live = await this.repository.countLiveTokens(id);
      if (live > 0) throw this.inUse(live, `${live} live token(s) belong to this application; send ?force=true to delete it and revoke them`, []);
    }
    const { tokens, keyHashes } = await this.repository.remove(id, audit, new Date());
    this.directory.invalidate(id);
    await this.keys.forget(keyHashes);
    await this.invalidateTokens(tokens);
  }

  async createServiceKey(applicationId: string, name: string, audit: AdminAudit): Promise<RevealedServiceKeyView> {
    const app = await this.find(applicationId);
    const key = generateSecret(SERVICE_KEY_PREFIX);
    const row = await this.repository.createServiceKey(
      { applicationId: app.id, name, keyHash: hashToken(key), keyPreview: previewToken(key, SERVICE_KEY_PREFIX), createdById: audit.actorUserId },
      audit,
    );
    return { ...ServiceKeyView.from(row), key };
  }

  async serviceKeys(applicationId: string): Promise<ServiceKeyView[]> {
    await this.find(applicationId);
    return (await this.repository.serviceKeysOf(applicationId)).map(ServiceKeyView.from);
  }

  /** Permanent and idempotent. */
  async revokeServiceKey(applicationId: string, keyId: string, audit: AdminAudit): Promise<ServiceKeyView> {
    await this.find(applicationId);
    const key = await this.repository.findServiceKey(applicationId, keyId);
    if (!key) throw notFound('Service key');
    const revoked = (await this.repository.revokeServiceKey(key, audit, new Date())) ?? key;
    await this.keys.forget([key.keyHash]);
    return ServiceKeyView.from(revoked);
  }

  private async find(id: string): Promise<ApplicationWithScopes> {
    const app = await this.repository.find(id);
    if (!app) throw notFound('Application');
    return app;
  }

  private editable(app: ApplicationWithScopes): ApplicationWithScopes {
    if (app.builtIn) throw new AppException('APPLICATION_BUILT_IN', 'The built-in tessera application (Tessera\'s own API) cannot be edited or deleted');
    return app;
  }

  private checkedCatalogue(scopes: CatalogueScope[]): CatalogueScope[] {
    const problems = catalogueProblems(scopes);
    if (problems.length > 0) throw validationFailed(problems);
    return scopes;
  }

  private inUse(count: number, message: string, scopes: string[]): AppException {
    return new AppException('SCOPE_IN_USE', message, [
      { field: scopes.length > 0 ? 'scopes' : 'id', constraint: 'inUse', message: `${count} live token(s)${scopes.length > 0 ? ` hold ${scopes.join(', ')}` : ''}`, count },
    ]);
  }

  private slugTaken(): AppException {
    return new AppException('CONFLICT', 'That slug is taken', [{ field: 'slug', constraint: 'unique', message: 'slug is already taken' }]);
  }

  private async invalidateTokens(tokens: ChangedToken[]): Promise<void> {
    if (tokens.length === 0) return;
    const hashes = [...tokens.map((token) => token.tokenHash), ...(await this.repository.liveRetiredHashes(tokens.map((token) => token.id), new Date()))];
    for (const hash of hashes) await this.invalidation.invalidate(hash);
  }
}
