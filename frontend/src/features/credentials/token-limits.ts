/** Which of a token's limits is used up: such a token is refused (429) until the limit is raised. */
export function exhaustedLimits(token: { requestCount: number; requestLimit: number | null; quotaUsed: number; quotaLimit: number | null }): ('requests' | 'quota')[] {
  const used: ('requests' | 'quota')[] = [];
  if (token.requestLimit !== null && token.requestCount >= token.requestLimit) used.push('requests');
  if (token.quotaLimit !== null && token.quotaUsed >= token.quotaLimit) used.push('quota');
  return used;
}

/** A new limit below what the token has already used makes it stop at once: the form warns first. */
export function limitsBelowUsage(
  token: { requestCount: number; quotaUsed: number },
  limits: { requestLimit?: number | null; quotaLimit?: number | null },
): ('requests' | 'quota')[] {
  const below: ('requests' | 'quota')[] = [];
  if (typeof limits.requestLimit === 'number' && limits.requestLimit <= token.requestCount && token.requestCount > 0) below.push('requests');
  if (typeof limits.quotaLimit === 'number' && limits.quotaLimit <= token.quotaUsed && token.quotaUsed > 0) below.push('quota');
  return below;
}

/** Only limits the edit changes count: an already exhausted token renamed is no news. */
export function changedLimitsBelowUsage(
  token: { requestCount: number; quotaUsed: number; requestLimit: number | null; quotaLimit: number | null },
  limits: { requestLimit?: number | null; quotaLimit?: number | null },
): ('requests' | 'quota')[] {
  return limitsBelowUsage(token, {
    requestLimit: limits.requestLimit !== token.requestLimit ? limits.requestLimit : undefined,
    quotaLimit: limits.quotaLimit !== token.quotaLimit ? limits.quotaLimit : undefined,
  });
}
