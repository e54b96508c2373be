import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { RuntimePolicy } from '@prisma/client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { SignupMode, TokenPolicy } from '../contract';
import { RuntimePolicyRepository } from './runtime-policy.repository';

/** The environment's values: what a new install's policy row starts with. */
export function initialPolicyOf(config: AppConfig): TokenPolicy {
  return {
    maxTokenLifetimeDays: config.MAX_TOKEN_LIFETIME_DAYS,
    allowNoExpiry: config.ALLOW_NO_EXPIRY,
    expiryNoticeDays: config.EXPIRY_NOTICE_DAYS,
    maxTokensPerUser: config.MAX_TOKENS_PER_USER,
    idleRevokeDays: config.IDLE_REVOKE_DAYS ?? null,
    signupMode: config.SIGNUP_MODE,
    openVerifyForTesseraTokens: config.OPEN_VERIFY_FOR_TESSERA_TOKENS,
  };
}

function policyOf(row: RuntimePolicy): TokenPolicy {
  return {
    maxTokenLifetimeDays: row.maxTokenLifetimeDays,
    allowNoExpiry: row.allowNoExpiry,
    expiryNoticeDays: row.expiryNoticeDays,
    maxTokensPerUser: row.maxTokensPerUser,
    idleRevokeDays: row.idleRevokeDays,
    signupMode: row.signupMode as SignupMode,
    openVerifyForTesseraTokens: row.openVerifyForTesseraTokens,
  };
}

/**
 * The runtime policy every rule reads (`current`), kept in memory and re-read from PostgreSQL
 * every POLICY_REFRESH_SECONDS, so an admin's change reaches every instance within that time
 * without Redis and without a restart. The instance that made the change sees it at once.
 */
@Injectable()
export class RuntimePolicyService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RuntimePolicyService.name);
  private policy: TokenPolicy;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: RuntimePolicyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policy = initialPolicyOf(config);
  }

  async onModuleInit(): Promise<void> {
    this.policy = policyOf(await this.repository.loadOrSeed(initialPolicyOf(this.config)));
    this.timer = setInterval(() => void this.refresh(), this.config.POLICY_REFRESH_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The policy as this instance last read it (at most POLICY_REFRESH_SECONDS old). */
  current(): TokenPolicy {
    return this.policy;
  }

  async refresh(): Promise<TokenPolicy> {
    try {
      const row = await this.repository.find();
      if (row) this.policy = policyOf(row);
    } catch (error) {
      // Keep the last known policy while the database is unreachable.
      this.logger.warn(`Could not re-read the runtime policy: ${(error as Error).message}`);
    }
    return this.policy;
  }

  async replace(next: TokenPolicy, adminId: string, ip: string | null): Promise<TokenPolicy> {
    const before = this.policy;
    const changed = (Object.keys(next) as (keyof TokenPolicy)[]).filter((key) => next[key] !== before[key]);
    const row = await this.repository.replace(next, adminId, { ip, details: { changed, before, after: next } });
    this.policy = policyOf(row);
    return this.policy;
  }
}
