import type { SignupMode } from './admin';

/** `GET /api/policy`: the install's token rules, public and without secrets. */
export interface TokenPolicy {
  maxTokenLifetimeDays: number;
  allowNoExpiry: boolean;
  expiryNoticeDays: number;
  maxTokensPerUser: number;
  /** Live tokens unused for this many days are revoked; null = never. */
  idleRevokeDays: number | null;
  signupMode: SignupMode;
  /** Whether the verify API answers about tokens of Tessera's own API without a service key. */
  openVerifyForTesseraTokens: boolean;
}
