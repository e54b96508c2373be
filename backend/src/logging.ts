import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify';
import pino, { type Logger as Pino } from 'pino';
import type { AppConfig } from './config/app-config';
import { appendRouteHook } from './common/http/route-hooks';
import { humanLogStream } from './log-format';

/**
 * Where logs go when the caller did not name a destination: JSON lines on stdout, except on a
 * terminal (`pnpm start` by hand), where the same lines are printed for people (log-format.ts).
 */
export function defaultLogDestination(stdout: NodeJS.WriteStream = process.stdout): NodeJS.WritableStream | undefined {
  return stdout.isTTY ? humanLogStream(stdout, true) : undefined;
}

/** The process's one pino logger: JSON lines to stdout (readable lines on a terminal), or to the stream the tests pass. */
export function createPino(config: AppConfig): Pino {
  const options = { level: config.LOG_LEVEL };
  const destination = config.logDestination ?? defaultLogDestination();
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Nest's Logger API on pino: `new Logger(Context).warn(...)` anywhere in the app ends up here,
 * one JSON line with `context`. Nest passes the context last; `error` may pass a stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    const stack = level === 'error' && params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}

/** Successes per route since the last summary line: route pattern -> method -> count (0 = none since). */
type RouteCounts = Map<string, Record<string, number>>;

const NO_ROUTE = '(no route)';

function countCall(byMethod: Record<string, number>, method: string): void {
  byMethod[method] = (byMethod[method] ?? 0) + 1;
}

/**
 * Request logging that costs next to nothing when it has nothing to say (REQUEST_LOG):
 * - `summary` (default): every error and refusal (status >= 400) is its own line; successes are
 *   only counted, per route pattern and method, and one line every REQUEST_LOG_SUMMARY_SECONDS
 *   gives the counts (no line when nothing was answered);
 * - `errors`: only the error and refusal lines;
 * - `all`: one line per request (as before), except GET /api/health.
 * A line names the method, the path without its query string, the client IP and the status:
 * never a header (Authorization), a body (passwords, tokens) or a query string.
 *
 * Successes are counted by a hook each route gets when it is registered (it knows its pattern),
 * because `request.routeOptions` builds a new object on every read: too dear for every call.
 */
export function installRequestLog(fastify: FastifyInstance, pinoLogger: Pino, config: AppConfig): () => void {
  const mode = config.REQUEST_LOG;
  const counts: RouteCounts = new Map();
  const countsOf = (route: string) => {
    let byMethod = counts.get(route);
    if (byMethod === undefined) counts.set(route, (byMethod = {}));
    return byMethod;
  };
  const lineOf = (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    const status = reply.statusCode;
    return [
      { req: { id: request.id, method: request.method, path, ip: request.ip }, res: { statusCode: status }, responseTime: Math.round(reply.elapsedTime) },
      `${request.method} ${path} ${status}`,
    ] as const;
  };

  if (mode === 'summary') {
    fastify.addHook('onRoute', (route) => {
      const byMethod = countsOf(route.url);
      const countSuccess: onResponseHookHandler = (request, reply, done) => {
        if (reply.statusCode < 400) countCall(byMethod, request.method);
        done();
      };
      appendRouteHook(route, 'onResponse', countSuccess);
    });
  }

  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    if (status >= 400) {
      const level = status >= 500 ? 'error' : 'info';
      if (pinoLogger.isLevelEnabled(level)) {
        const [fields, message] = lineOf(request, reply);
        pinoLogger[level](fields, message);
      }
    } else if (mode === 'summary') {
      // Answered before any route (a CORS preflight): counted apart. Routed successes count in their route's hook.
      if (request.is404) countCall(countsOf(NO_ROUTE), request.method);
    } else if (mode === 'all' && request.url !== '/api/health' && pinoLogger.isLevelEnabled('info')) {
      const [fields, message] = lineOf(request, reply);
      pinoLogger.info(fields, message);
    }
    done();
  });

  const flush = () => {
    const routes: Record<string, number> = {};
    let total = 0;
    for (const [route, byMethod] of counts) {
      for (const method of Object.keys(byMethod)) {
        const count = byMethod[method];
        if (count === 0) continue;
        routes[`${method} ${route}`] = count;
        total += count;
        // Reset in place: each route's hook keeps its own record.
        byMethod[method] = 0;
      }
    }
    if (total === 0) return;
    pinoLogger.info({ requests: { seconds: config.REQUEST_LOG_SUMMARY_SECONDS, total, routes } }, `${total} successful requests in the last ${config.REQUEST_LOG_SUMMARY_SECONDS} s`);
  };
  if (mode !== 'summary') return () => undefined;
  const timer = setInterval(flush, config.REQUEST_LOG_SUMMARY_SECONDS * 1000);
  timer.unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    flush();
    done();
  });
  return flush;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
