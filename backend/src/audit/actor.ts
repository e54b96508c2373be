import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActorKind } from '../contract';
import type { RequestWithPrincipal } from '../common/principal';

/** Who is acting and from where, as the audit log records it. */
export interface Actor {
  kind: AuditActorKind;
  /** The acting token, when a PAT made the call. */
  tokenId?: string;
  ip: string | null;
}

export function actorOf(request: FastifyRequest & RequestWithPrincipal): Actor {
  const principal = request.principal;
  const ip = request.ip ?? null;
  if (principal?.kind === 'pat') return { kind: 'token', tokenId: principal.tokenId, ip };
  return { kind: 'session', ip };
}

/** The caller as an audit actor (after the AuthGuard; the client address honours TRUST_PROXY). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>()),
);
