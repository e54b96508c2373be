import type { Scope } from '../contract';

/** Who is calling: resolved once by the AuthGuard and put on the request. */
export type Principal =
  | { kind: 'session'; userId: string }
  | { kind: 'pat'; userId: string; tokenId: string; scopes: Scope[] };

export interface RequestWithPrincipal {
  principal?: Principal;
}
