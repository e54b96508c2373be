import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActorKind } from '../contract';
import type { RequestWithPrincipal } from '../common/principal';

/** Who is acting and from where, as the audit log records it. */
export interface Actor {
  kind: AuditActorKind;
  /** The acting token, when a PAT made the call. */
  tokenId?: string;
  /** Preview of the secret that token presented (an old one in a rotation's grace is not the current one). */
  secretPreview?: string;
  ip: string | null;
}

export function actorOf(request: FastifyRequest & RequestWithPrincipal): Actor {
  const principal = request.principal;
  const ip = request.ip ?? null;
  if (principal?.kind === 'pat') return { kind: 'token', tokenId: principal.tokenId, secretPreview: principal.secretPreview, ip };
  return { kind: 'session', ip };
}

/** The caller as an audit actor (after the AuthGuard; the client address honours TRUST_PROXY). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>()),
);
