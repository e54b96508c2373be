import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessDecision } from './token-access';

/** What a caller needs to finish a PAT call's usage: records one usage event. */
export interface UsageSink {
  record(decision: AccessDecision, ip: string | null, success: boolean, at?: Date): void;
}

/** The headers of an answer that has no limit headers: one shared, frozen object. */
export const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The outcome of `TokenAccess.admit`: the decision, the limit headers to answer with, and the
 * completion that records the call's usage event once its outcome is known. The guard and the
 * verify API use it the same way: answer with `headers`, refuse unless `decision.code` is VALID,
 * and call `complete(success)` exactly once (a second call does nothing). One object per call,
 * no closure and no promise: `complete` is a plain method.
 */
export class Admittance {
  private completed = false;

  constructor(
    readonly decision: AccessDecision,
    readonly headers: Readonly<Record<string, string>>,
    private readonly sink: UsageSink,
    /** The address the usage event records (the verify API's `ip`, else the caller's). */
    private readonly usageIp: string | null,
  ) {}

  get admitted(): boolean {
    return this.decision.code === 'VALID';
  }

  /** Records the usage event (only for a known token); `success` = answered below 400. */
  complete(success: boolean): void {
    if (this.completed) return;
    this.completed = true;
    if (this.decision.token) this.sink.record(this.decision, this.usageIp, success);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AuthGuard for a PAT call; completed when the answer has been sent. */
    patAdmittance: Admittance | null;
  }
}

/** What the onResponse hook does for a request: complete its PAT admittance, if any. */
export function completeAdmittance(request: Pick<FastifyRequest, 'patAdmittance'>, statusCode: number): void {
  const admittance = request.patAdmittance;
  if (admittance !== null && admittance !== undefined) admittance.complete(statusCode < 400);
}

/**
 * One usage event per PAT call with the outcome known once the answer is sent: a Fastify
 * `onResponse` hook (the response's `finish`) completes what the guard admitted. The request
 * property is declared up front so every request object keeps one shape.
 */
export function installAdmittanceCompletion(fastify: FastifyInstance): void {
  fastify.decorateRequest('patAdmittance', null);
  fastify.addHook('onResponse', (request, reply, done) => {
    completeAdmittance(request, reply.statusCode);
    done();
  });
}
