import type { VerifiedToken } from '../api-tokens/token-verifier';
import type { Admission } from '../usage/limiter/usage-limiter';
import type { ResolvedApplication } from './application-directory';

/** What a verify answer tells about a known token beyond today's fields (issue 15). */
export function verifyExtras(token: VerifiedToken | null, application: ResolvedApplication, admission: Admission | null) {
  return {
    application: token ? { id: application.id, slug: application.slug } : null,
    owner: token ? { id: token.userId, username: token.ownerUsername } : null,
    name: token?.name ?? null,
    quotaResetsAt: admission?.quotaResetsAt != null ? new Date(admission.quotaResetsAt).toISOString() : null,
  };
}
