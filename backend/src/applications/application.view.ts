import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Application, ApplicationScope, ServiceKey } from '@prisma/client';
import { TokenLeakView } from '../api-tokens/api-token.view';
import { SERVICE_KEY_REVOKERS, type ServiceKeyRevoker } from '../contract';

export type ApplicationWithScopes = Application & { scopes: ApplicationScope[] };

export class CatalogueScopeView {
  @ApiProperty({ example: 'deploy:write' }) scope!: string;
  @ApiProperty({ example: 'Start deployments' }) description!: string;
  @ApiProperty({ nullable: true, type: String, example: '发起部署' }) descriptionZh!: string | null;
  @ApiProperty({ type: String, isArray: true, example: ['deploy:read'] }) implies!: string[];
}

/** An application as admins see it. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'deploy-api' }) slug!: string;
  @ApiProperty({ example: 'Deploy API' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ description: 'The built-in tessera application (Tessera\'s own API): cannot be edited or deleted' }) builtIn!: boolean;
  @ApiProperty({ type: CatalogueScopeView, isArray: true }) scopes!: CatalogueScopeView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(app: ApplicationWithScopes): ApplicationView {
    return {
      id: app.id,
      slug: app.slug,
      name: app.name,
      description: app.description,
      builtIn: app.builtIn,
      scopes: [...app.scopes].sort((a, b) => a.position - b.position).map((row) => ({ scope: row.scope, description: row.description, descriptionZh: row.descriptionZh, implies: row.implies })),
      createdAt: app.createdAt.toISOString(),
      updatedAt: app.updatedAt.toISOString(),
    };
  }
}

export class PublicCatalogueScopeView {
  @ApiProperty({ example: 'deploy:write' }) scope!: string;
  @ApiProperty({ description: "In the caller's language (Accept-Language zh…: the Chinese text when the application gives one)" }) description!: string;
  @ApiProperty({ type: String, isArray: true }) implies!: string[];
}

/** What any signed-in user may know of an application: enough to mint a token for it. */
export class PublicApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() builtIn!: boolean;
  @ApiProperty({ type: PublicCatalogueScopeView, isArray: true }) scopes!: PublicCatalogueScopeView[];

  static from(app: ApplicationWithScopes, chinese: boolean): PublicApplicationView {
    const full = ApplicationView.from(app);
    return {
      id: full.id,
      slug: full.slug,
      name: full.name,
      description: full.description,
      builtIn: full.builtIn,
      scopes: full.scopes.map((row) => ({ scope: row.scope, description: (chinese && row.descriptionZh) || row.description, implies: row.implies })),
    };
  }
}

export class ServiceKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'tsk_Ab12…x9Yz' }) keyPreview!: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) state!: 'active' | 'revoked';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: SERVICE_KEY_REVOKERS, description: 'Who revoked it: admin, application (its application was deleted) or leaked (found in public; see `leak`)' })
  revokedBy!: ServiceKeyRevoker | null;
  @ApiProperty({ nullable: true, type: TokenLeakView, description: 'Where and when it was found in public: set exactly when revokedBy is leaked (dismissedAt: an admin dismissed the Administration banner)' })
  leak!: TokenLeakView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Updated at most once a minute' }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(key: ServiceKey): ServiceKeyView {
    return {
      id: key.id,
      applicationId: key.applicationId,
      name: key.name,
      keyPreview: key.keyPreview,
      state: key.revokedAt ? 'revoked' : 'active',
      revokedAt: key.revokedAt?.toISOString() ?? null,
      revokedBy: key.revokedAt ? ((key.revokedBy as ServiceKeyRevoker | null) ?? 'admin') : null,
      leak: key.leakReportedAt
        ? { source: key.leakSource, url: key.leakUrl, reportedAt: key.leakReportedAt.toISOString(), dismissedAt: key.leakDismissedAt?.toISOString() ?? null }
        : null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
    };
  }
}

export class RevealedServiceKeyView extends ServiceKeyView {
  @ApiPropertyOptional({ example: 'tsk_…', description: 'The service key: shown this once, never again' }) key!: string;
}
