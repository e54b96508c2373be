import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface SessionClaims {
  sub: string;
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
    return this.jwt.sign({ sub: userId, typ: 'session', sv: sessionVersion } satisfies SessionClaims);
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
    if (claims.typ !== 'session' || typeof claims.sub !== 'string') throw unauthenticated('The session token is not valid');
    if (claims.sv !== undefined && !Number.isInteger(claims.sv)) throw unauthenticated('The session token is not valid');
    return { userId: claims.sub, sessionVersion: claims.sv ?? 0 };
  }
}

export const unauthenticated = (message = 'Authentication required') =>
  new AppException('UNAUTHENTICATED', message);
