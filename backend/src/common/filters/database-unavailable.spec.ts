import { Prisma } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: '6.19.3', meta });
const adapter = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: 'DriverAdapterError', cause } });
const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection from the adapter (P1001)', known('P1001')],
    ['a raw query on a refused connection (P2010 + DatabaseNotReachable)', known('P2010', adapter({ kind: 'DatabaseNotReachable' }))],
    ['a closed connection', known('P2010', adapter({ kind: 'ConnectionClosed' }))],
    ['statement_timeout on the server (57014)', known('P2010', adapter({ kind: 'postgres', code: '57014' }))],
    ['the server shutting down (57P01)', known('P2010', adapter({ kind: 'postgres', code: '57P01' }))],
    ['no transaction slot in time (P2028)', known('P2028')],
    ['pg: query read timeout (a network black hole)', new Error('Query read timeout')],
    ['pg: connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pg: pool wait timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: dropped socket', new Error('Connection terminated unexpectedly')],
    ['a socket error', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an initialisation error', new Prisma.PrismaClientInitializationError("Can't reach database server", '6.19.3')],
  ])('says yes to %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', known('P2002', adapter({ kind: 'UniqueConstraintViolation' }))],
    ['a record not found', known('P2025')],
    ['a syntax error from PostgreSQL', known('P2010', adapter({ kind: 'postgres', code: '42601' }))],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['a bug whose message mentions connections but that has its own code', withCode('Connection terminated', 'ERR_SOMETHING')],
    ['not an error at all', 'Connection terminated'],
    ['null', null],
  ])('says no to %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
