import type { Admission } from '../usage/limiter/usage-limiter';

/**
 * Response headers describing the limits that apply to a PAT call:
 * - `X-RateLimit-Limit/Remaining/Reset` for the per-minute rate limit (Reset in epoch seconds,
 *   when every call now in the sliding window has left it — GitHub's convention);
 * - `X-RequestLimit-Limit/Remaining` for the total request limit;
 * - `X-Quota-Limit/Remaining` for the total cost quota, and `X-Quota-Reset` (epoch seconds) when it refills;
 * - `Retry-After` (seconds) on RATE_LIMITED.
 * A limit that is not set has no headers.
 */
export function rateLimitHeaders(admission: Admission | null): Record<string, string> {
  if (!admission) return {};
  const headers: Record<string, string> = {};
  if (admission.rate) {
    headers['X-RateLimit-Limit'] = String(admission.rate.limit);
    headers['X-RateLimit-Remaining'] = String(admission.rate.remaining);
    headers['X-RateLimit-Reset'] = String(Math.ceil(admission.rate.resetAt / 1000));
  }
  if (admission.requests) {
    headers['X-RequestLimit-Limit'] = String(admission.requests.limit);
    headers['X-RequestLimit-Remaining'] = String(admission.requests.remaining);
  }
  if (admission.quota) {
    headers['X-Quota-Limit'] = String(admission.quota.limit);
    headers['X-Quota-Remaining'] = String(admission.quota.remaining);
  }
  // A refilling quota: when it is next refilled (epoch seconds, like X-RateLimit-Reset).
  if (admission.quotaResetsAt != null) headers['X-Quota-Reset'] = String(Math.floor(admission.quotaResetsAt / 1000));
  if (admission.retryAfterSeconds !== undefined) headers['Retry-After'] = String(admission.retryAfterSeconds);
  return headers;
}
