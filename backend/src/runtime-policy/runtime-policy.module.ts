import { Global, Module } from '@nestjs/common';
import { RuntimePolicyRepository } from './runtime-policy.repository';
import { RuntimePolicyService } from './runtime-policy.service';

/** Global: token rules, registration and the jobs all read the one runtime policy. */
@Global()
@Module({ providers: [RuntimePolicyRepository, RuntimePolicyService], exports: [RuntimePolicyService] })
export class RuntimePolicyModule {}
