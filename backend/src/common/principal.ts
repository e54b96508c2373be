import type { Scope } from '../contract';

/** Who is calling: resolved once by the AuthGuard and put on the request. */
export type Principal =
  | { kind: 'session'; userId: string }
  | {
      kind: 'pat';
      userId: string;
      tokenId: string;
      scopes: Scope[];
      /** Set when the call used a secret retired by rotation (still within its grace period). */
      retiredSecretGraceUntil?: Date | null;
      /** Preview of the secret the call presented: the audit log credits the call to it. */
      secretPreview?: string;
    };

export interface RequestWithPrincipal {
  principal?: Principal;
}
