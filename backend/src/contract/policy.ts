/** `GET /api/policy`: the install's token rules, public and without secrets. */
export interface TokenPolicy {
  maxTokenLifetimeDays: number;
  allowNoExpiry: boolean;
  expiryNoticeDays: number;
  maxTokensPerUser: number;
}
