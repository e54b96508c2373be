import { Prisma } from '@prisma/client';

/** Prisma codes that mean "no usable connection": unreachable, timed out, closed, pool exhausted. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** What the pg driver adapter reports for a lost or refused connection (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);
/**
 * SQLSTATEs of a server that is going away or will not take the statement now:
 * 08xxx connection exceptions, 53300 too many connections, 57014 statement_timeout,
 * 57P01..57P03 shutdown / crash / starting up.
 */
const SQLSTATE = /^(08...|53300|57014|57P0[1-3])$/;
/** Errors pg itself throws with no code: connect timeouts, query read timeouts, dropped sockets. */
const PG_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|Can't reach database server/i;
const SOCKET_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNABORTED)$/;

/**
 * True when an error means the database cannot be used right now (as opposed to a bug or a
 * constraint): the exception filter answers those with 503 DATABASE_UNAVAILABLE.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (PRISMA_CODES.has(error.code)) return true;
    return adapterCauseIsUnavailable((error.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  if (error instanceof Prisma.PrismaClientUnknownRequestError || error instanceof Prisma.PrismaClientRustPanicError) {
    return PG_MESSAGES.test(error.message) || /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(error.message);
  }
  if (adapterCauseIsUnavailable(error)) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.test(code) || SQLSTATE.test(code))) return true;
  return code === undefined && PG_MESSAGES.test(error.message);
}

function adapterCauseIsUnavailable(value: unknown): boolean {
  const cause = (value as { name?: unknown; cause?: { kind?: unknown; code?: unknown } } | null | undefined)?.cause;
  if (!cause || (value as { name?: unknown }).name !== 'DriverAdapterError') return false;
  if (typeof cause.kind === 'string' && ADAPTER_KINDS.has(cause.kind)) return true;
  return cause.kind === 'postgres' && typeof cause.code === 'string' && SQLSTATE.test(cause.code);
}
