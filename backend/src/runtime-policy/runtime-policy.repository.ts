import { Injectable } from '@nestjs/common';
import type { RuntimePolicy } from '@prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { TokenPolicy } from '../contract';

/** All Prisma access for the one runtime-policy row (id 1). */
@Injectable()
export class RuntimePolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The row, created from `initial` when there is none yet (several instances starting at once agree). */
  async loadOrSeed(initial: TokenPolicy): Promise<RuntimePolicy> {
    const existing = await this.prisma.runtimePolicy.findUnique({ where: { id: 1 } });
    if (existing) return existing;
    await this.prisma.$executeRaw`
      INSERT INTO runtime_policy (id, max_token_lifetime_days, allow_no_expiry, max_tokens_per_user, expiry_notice_days, idle_revoke_days, signup_mode, open_verify_for_tessera_tokens, updated_at)
      VALUES (1, ${initial.maxTokenLifetimeDays}, ${initial.allowNoExpiry}, ${initial.maxTokensPerUser}, ${initial.expiryNoticeDays},
              ${initial.idleRevokeDays}, ${initial.signupMode}, ${initial.openVerifyForTesseraTokens}, now())
      ON CONFLICT (id) DO NOTHING`;
    return this.prisma.runtimePolicy.findUniqueOrThrow({ where: { id: 1 } });
  }

  find(): Promise<RuntimePolicy | null> {
    return this.prisma.runtimePolicy.findUnique({ where: { id: 1 } });
  }

  /** Replaces the policy and writes the audit row in one transaction. */
  async replace(policy: TokenPolicy, adminId: string, audit: { ip: string | null; details: Record<string, unknown> }): Promise<RuntimePolicy> {
    const [row] = await this.prisma.$transaction([
      this.prisma.runtimePolicy.update({ where: { id: 1 }, data: { ...policy, updatedBy: adminId } }),
      this.prisma.auditEvent.create({
        data: {
          userId: adminId,
          type: 'admin.policy_changed',
          actorKind: 'admin',
          actorUserId: adminId,
          ip: audit.ip,
          details: audit.details as never,
        },
      }),
    ]);
    return row;
  }
}
