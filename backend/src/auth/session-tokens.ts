import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface SessionClaims {
  sub: string;
  iat: number;
  exp: number;
  typ: 'session';
  /** The user's session version when it was issued (absent in sessions from before it existed: 0). */
  sv?: number;
}

export interface SessionClaimsChecked {
  userId: string;
  sessionVersion: number;
}

/**
 * Session JWTs: HS256 only, signed with JWT_SECRET, carrying the user id and the user's session
 * version. Whether that version is still the user's is SessionAuthenticator's check.
 */
@Injectable()
export class SessionTokens {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: config.JWT_EXPIRES_IN_SECONDS },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  issue(userId: string, sessionVersion: number): string {
    // iat and exp are added by the signer (signOptions.expiresIn).
    return this.jwt.sign({ sub: userId, typ: 'session', sv: sessionVersion } satisfies Omit<SessionClaims, 'iat' | 'exp'>);
  }

  get expiresInSeconds(): number {
    return this.config.JWT_EXPIRES_IN_SECONDS;
  }

  /** The claims, or a 401: SESSION_EXPIRED when it is only stale, UNAUTHENTICATED otherwise. */
  verify(token: string): SessionClaimsChecked {
    let claims: Partial<SessionClaims>;
    try {
      claims = this.jwt.verify<SessionClaims>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new AppException('SESSION_EXPIRED', 'The session has expired; sign in again');
      }
      throw unauthenticated('The session token is not valid');
    }
    if (!this.wellFormed(claims)) throw unauthenticated('The session token is not valid');
    return { userId: claims.sub, sessionVersion: claims.sv ?? 0 };
  }

  /**
   * Only the claims this server issues, of the types it issues them: a JWT signed with the right
   * secret but shaped otherwise (no exp: it would never end; a sub that is not a user id; issued
   * in the future; a lifetime longer than JWT_EXPIRES_IN_SECONDS) is refused, never trusted.
   */
  private wellFormed(claims: Partial<SessionClaims>): claims is SessionClaims {
    const now = Math.floor(Date.now() / 1000);
    if (claims.typ !== 'session') return false;
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return false;
    if (!Number.isInteger(claims.exp) || !Number.isInteger(claims.iat)) return false;
    if (claims.iat! > now + CLOCK_SKEW_SECONDS) return false;
    if (claims.exp! - claims.iat! > this.config.JWT_EXPIRES_IN_SECONDS + CLOCK_SKEW_SECONDS) return false;
    if (claims.sv !== undefined && !(Number.isSafeInteger(claims.sv) && claims.sv >= 0)) return false;
    return true;
  }
}

/** User ids are UUIDs (any version: PostgreSQL's gen_random_uuid and Prisma's uuid()). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far another instance's clock may be ahead of ours. */
const CLOCK_SKEW_SECONDS = 60;

export const unauthenticated = (message = 'Authentication required') =>
  new AppException('UNAUTHENTICATED', message);
