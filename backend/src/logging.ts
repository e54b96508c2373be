import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from './config/app-config';
import { humanLogStream } from './log-format';

/**
 * Where logs go when the caller did not name a destination: JSON lines on stdout, except on a
 * terminal (`pnpm start` by hand), where the same lines are printed for people (log-format.ts).
 */
export function defaultLogDestination(stdout: NodeJS.WriteStream = process.stdout): NodeJS.WritableStream | undefined {
  return stdout.isTTY ? humanLogStream(stdout, true) : undefined;
}

/**
 * One JSON line per request. Serializers pick fields by name, so headers (Authorization),
 * bodies (passwords) and query strings never reach the log.
 */
export function loggerOptions(config: AppConfig): Params {
  const destination = config.logDestination ?? defaultLogDestination();
  const options: Options = {
    level: config.LOG_LEVEL,
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
    quietReqLogger: true,
    redact: { paths: ['req.headers', 'res.headers', '*.authorization', '*.password', '*.token'], remove: true },
    serializers: {
      req: (request: IncomingMessage & { id?: unknown; ip?: string }) => ({
        id: request.id,
        method: request.method,
        path: (request.url ?? '').split('?')[0],
        ip: request.ip ?? request.socket?.remoteAddress,
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
    customSuccessMessage: (request: IncomingMessage, response: ServerResponse) =>
      `${request.method} ${(request.url ?? '').split('?')[0]} ${response.statusCode}`,
    customErrorMessage: (request: IncomingMessage, response: ServerResponse) =>
      `${request.method} ${(request.url ?? '').split('?')[0]} ${response.statusCode}`,
  };
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  };
}
