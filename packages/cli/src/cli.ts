import { createInterface } from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createTesseraClient, type components, type TesseraClient } from '@tessera/sdk';
import { configPath, readSession, removeSession, writeSession } from './config.js';
import { parseDuration, table, when } from './format.js';

type Token = components['schemas']['ApiTokenView'];
type CreateBody = components['schemas']['CreateApiTokenDto'];
type UpdateBody = components['schemas']['UpdateApiTokenDto'];
type Scope = CreateBody['scopes'][number];

export interface Io {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Exit codes: 0 done, 1 refused by the server (its code on stderr), 2 a usage error. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

class UsageError extends Error {}
class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const USAGE = `Usage: tessera <command> [options]

  login --url URL [--email E] [--password P]   sign in (or TESSERA_URL, TESSERA_EMAIL, TESSERA_PASSWORD; prompts otherwise)
  logout                                       forget the session
  whoami [--json]                              who the server takes you for
  tokens list [--status S] [--search Q] [--page N] [--limit N] [--json]
  tokens show ID [--json]
  tokens create --name N --scope S [--scope S…] [--description D] [--expires 30d|DATE|never]
                [--request-limit N] [--quota N] [--rate-limit N] [--allow-ip IP…] [--application SLUG|ID] [--json]
                prints only the new secret (or the token as JSON with --json)
  tokens edit ID [--name N] [--scope S…] [--description D] [--expires 30d|DATE|never]
                [--request-limit N|none] [--quota N|none] [--rate-limit N|none] [--allow-ip IP…] [--json]
  tokens revoke|delete|restore ID [--json]
  tokens regenerate ID                         prints the new secret
  tokens rotate ID [--grace 1h]                prints the new secret; the old one works for the grace period
  tokens rotate-self [--grace 1h]              rotates TESSERA_TOKEN itself (needs tokens:rotate-self); prints the new secret

Every command takes --url (default: the logged-in server, or TESSERA_URL). Commands other than
login use the stored session, or TESSERA_TOKEN when there is none.`;

const COMMON = { url: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const TOKEN_FIELDS = {
  name: { type: 'string' },
  description: { type: 'string' },
  scope: { type: 'string', multiple: true },
  expires: { type: 'string' },
  'request-limit': { type: 'string' },
  quota: { type: 'string' },
  'rate-limit': { type: 'string' },
  'allow-ip': { type: 'string', multiple: true },
  application: { type: 'string' },
} as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveInt(flag: string, value: string | undefined, allowNone: boolean): number | null | undefined {
  if (value === undefined) return undefined;
  if (allowNone && value === 'none') return null;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${flag} must be a positive integer${allowNone ? ' or none' : ''}`);
  return Number(value);
}

function expiry(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'never') return null;
  const duration = parseDuration(value);
  if (duration !== null) return new Date(Date.now() + duration).toISOString();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError('--expires takes a duration (30d, 12h), a date (2027-01-31) or never');
  return date.toISOString();
}

function graceSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const duration = parseDuration(value);
  if (duration === null) throw new UsageError('--grace takes a duration such as 10m, 1h or 2d');
  return Math.round(duration / 1000);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The options shared by create and edit; `none` clears a limit on edit. */
function tokenFields(values: Record<string, unknown>, editing: boolean): Partial<UpdateBody> & Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (values.name !== undefined) body.name = values.name;
  if (values.description !== undefined) body.description = values.description === '' ? null : values.description;
  if (values.scope !== undefined) body.scopes = values.scope as Scope[];
  const expiresAt = expiry(values.expires as string | undefined);
  if (expiresAt !== undefined) body.expiresAt = expiresAt;
  const limits = { requestLimit: 'request-limit', quotaLimit: 'quota', rateLimit: 'rate-limit' } as const;
  for (const [field, flag] of Object.entries(limits)) {
    const value = positiveInt(flag, values[flag] as string | undefined, editing);
    if (value !== undefined) body[field] = value;
  }
  if (values['allow-ip'] !== undefined) body.allowedIps = values['allow-ip'];
  // The token's application (issue 15), by id; `tokens create` first turns a slug into its id.
  // A token's application is fixed for its life: on edit the server refuses the field (400 naming `applicationId`).
  if (values.application !== undefined) body.applicationId = values.application;
  return body;
}

async function ask(io: Io, question: string, hidden = false): Promise<string> {
  if (!io.stdin.isTTY) throw new UsageError(`${question.replace(/: $/, '')} is needed: pass it as a flag or in the environment`);
  const readline = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  if (hidden) {
    // Echo nothing while the password is typed.
    (readline as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      if (text.includes(question)) io.stderr.write(text);
    };
  }
  const answer = await readline.question(question);
  readline.close();
  if (hidden) io.stderr.write('\n');
  return answer;
}

function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const body = (result.error ?? {}) as { code?: string; message?: string; details?: { field: string; message: string }[] };
  const fields = body.details?.length ? ` (${body.details.map((detail) => `${detail.field}: ${detail.message}`).join('; ')})` : '';
  throw new Refused(body.code ?? `HTTP_${result.response.status}`, `${body.message ?? `HTTP ${result.response.status}`}${fields}`);
}

function serverUrl(io: Io, flag: string | undefined): string {
  const url = flag ?? io.env.TESSERA_URL ?? readSession(io.env)?.url;
  if (!url) throw new UsageError('No server: pass --url, set TESSERA_URL, or run tessera login');
  return url.replace(/\/+$/, '');
}

function authenticated(io: Io, flag: string | undefined): TesseraClient {
  const stored = readSession(io.env);
  const url = serverUrl(io, flag);
  const credential = stored && stored.url === url ? stored.session : io.env.TESSERA_TOKEN;
  if (!credential) throw new UsageError('Not signed in: run tessera login --url URL (or set TESSERA_TOKEN)');
  return createTesseraClient({ baseUrl: url, token: credential });
}

const print = (io: Io, text: string) => io.stdout.write(`${text}\n`);

function printTokens(io: Io, tokens: Token[]): void {
  print(
    io,
    table(
      ['ID', 'NAME', 'STATE', 'SCOPES', 'EXPIRES', 'LAST USED', 'PREVIEW'],
      tokens.map((token) => [token.id, token.name, token.state, token.scopes.join(','), when(token.expiresAt), when(token.lastUsedAt), token.tokenPreview]),
    ),
  );
}

function printToken(io: Io, token: Token): void {
  const rows: [string, string][] = [
    ['id', token.id],
    ['name', token.name],
    ['description', token.description ?? '-'],
    ['state', token.state],
    ['scopes', token.scopes.join(', ')],
    ['preview', token.tokenPreview],
    ['expires', when(token.expiresAt)],
    ['request limit', token.requestLimit === null ? 'none' : `${token.requestCount} / ${token.requestLimit}`],
    ['quota', token.quotaLimit === null ? 'none' : `${token.quotaUsed} / ${token.quotaLimit}`],
    ['rate limit', token.rateLimit === null ? 'none' : `${token.rateLimit}/min`],
    ['allowed IPs', token.allowedIps.length ? token.allowedIps.join(', ') : 'any'],
    ['last used', token.lastUsedAt ? `${when(token.lastUsedAt)} from ${token.lastUsedIp ?? '?'}` : 'never'],
    ['created', when(token.createdAt)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  print(io, rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
}

function oneId(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`tessera tokens ${command} takes one token id`);
  return positionals[0];
}

async function login(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { email: { type: 'string' }, password: { type: 'string' } });
  const url = serverUrl(io, values.url);
  const email = values.email ?? io.env.TESSERA_EMAIL ?? (await ask(io, 'Email: '));
  const password = values.password ?? io.env.TESSERA_PASSWORD ?? (await ask(io, 'Password: ', true));
  const answer = unwrap(await createTesseraClient({ baseUrl: url }).POST('/api/auth/login', { body: { email, password } }));
  const file = writeSession({ url, session: answer.access_token, email: answer.user.email }, io.env);
  io.stderr.write(`Signed in to ${url} as ${answer.user.username} (session in ${file})\n`);
  return EXIT.ok;
}

async function whoami(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {});
  const client = authenticated(io, values.url);
  const who = unwrap(await client.GET('/api/auth/whoami'));
  const profile = who.kind === 'session' ? unwrap(await client.GET('/api/users/me')) : null;
  if (values.json) print(io, JSON.stringify({ ...who, ...(profile ? { username: profile.username, email: profile.email } : {}) }, null, 2));
  else if (profile) print(io, `${profile.username} <${profile.email}> (session, ${serverUrl(io, values.url)})`);
  else print(io, `token ${who.tokenId} of user ${who.userId}, scopes ${(who.scopes ?? []).join(', ') || 'none'}`);
  return EXIT.ok;
}

async function tokens(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'list': {
      const { values } = parse(rest, { status: { type: 'string' }, search: { type: 'string' }, page: { type: 'string' }, limit: { type: 'string' } });
      const query = {
        status: values.status as 'active' | 'expired' | 'revoked' | 'deleted' | undefined,
        search: values.search,
        page: positiveInt('page', values.page, false) ?? undefined,
        limit: positiveInt('limit', values.limit, false) ?? undefined,
      };
      const page = unwrap(await authenticated(io, values.url).GET('/api/users/me/api-tokens', { params: { query } }));
      if (values.json) print(io, JSON.stringify(page, null, 2));
      else {
        printTokens(io, page.data);
        io.stderr.write(`page ${page.page} of ${page.totalPages}, ${page.total} token(s)\n`);
      }
      return EXIT.ok;
    }
    case 'show': {
      const { values, positionals } = parse(rest, {});
      const token = unwrap(await authenticated(io, values.url).GET('/api/users/me/api-tokens/{id}', { params: { path: { id: oneId(positionals, 'show') } } }));
      if (values.json) print(io, JSON.stringify(token, null, 2));
      else printToken(io, token);
      return EXIT.ok;
    }
    case 'create': {
      const { values, positionals } = parse(rest, TOKEN_FIELDS);
      const fields = tokenFields(values, false);
      const name = (fields.name as string | undefined) ?? positionals[0];
      if (!name) throw new UsageError('tessera tokens create needs --name');
      if (!fields.scopes?.length) throw new UsageError('tessera tokens create needs at least one --scope (e.g. --scope tokens:read)');
      const client = authenticated(io, values.url);
      if (typeof fields.applicationId === 'string' && !UUID.test(fields.applicationId)) {
        const slug = fields.applicationId;
        const found = unwrap(await client.GET('/api/applications')).find((application) => application.slug === slug);
        if (!found) throw new UsageError(`No application with the slug ${slug}: pass one of GET /api/applications (its slug or id)`);
        fields.applicationId = found.id;
      }
      const body = { ...fields, name, scopes: fields.scopes } as CreateBody;
      const created = unwrap(await client.POST('/api/users/me/api-tokens', { body }));
      if (values.json) print(io, JSON.stringify(created, null, 2));
      else print(io, created.token);
      return EXIT.ok;
    }
    case 'edit': {
      const { values, positionals } = parse(rest, TOKEN_FIELDS);
      const body = tokenFields(values, true) as UpdateBody;
      if (Object.keys(body).length === 0) throw new UsageError('tessera tokens edit: nothing to change');
      const token = unwrap(await authenticated(io, values.url).PATCH('/api/users/me/api-tokens/{id}', { params: { path: { id: oneId(positionals, 'edit') } }, body }));
      if (values.json) print(io, JSON.stringify(token, null, 2));
      else printToken(io, token);
      return EXIT.ok;
    }
    case 'revoke':
    case 'delete':
    case 'restore': {
      const { values, positionals } = parse(rest, {});
      const client = authenticated(io, values.url);
      const params = { params: { path: { id: oneId(positionals, command) } } };
      const token = unwrap(
        command === 'delete'
          ? await client.DELETE('/api/users/me/api-tokens/{id}', params)
          : await client.POST(command === 'revoke' ? '/api/users/me/api-tokens/{id}/revoke' : '/api/users/me/api-tokens/{id}/restore', params),
      );
      if (values.json) print(io, JSON.stringify(token, null, 2));
      else io.stderr.write(`${token.name} (${token.id}) is now ${token.state}\n`);
      return EXIT.ok;
    }
    case 'regenerate':
    case 'rotate': {
      const { values, positionals } = parse(rest, command === 'rotate' ? { grace: { type: 'string' } } : {});
      const client = authenticated(io, values.url);
      const id = oneId(positionals, command);
      const grace = graceSeconds((values as { grace?: string }).grace);
      const token = unwrap(
        command === 'regenerate'
          ? await client.POST('/api/users/me/api-tokens/{id}/regenerate', { params: { path: { id } } })
          : await client.POST('/api/users/me/api-tokens/{id}/rotate', { params: { path: { id } }, body: grace === undefined ? undefined : { gracePeriodSeconds: grace } }),
      );
      if (values.json) print(io, JSON.stringify(token, null, 2));
      else print(io, token.token);
      return EXIT.ok;
    }
    case 'rotate-self': {
      const { values, positionals } = parse(rest, { grace: { type: 'string' } });
      if (positionals.length > 0) throw new UsageError('tessera tokens rotate-self takes no arguments: it rotates TESSERA_TOKEN');
      const own = io.env.TESSERA_TOKEN;
      if (!own) throw new UsageError('tessera tokens rotate-self needs TESSERA_TOKEN');
      const grace = graceSeconds(values.grace);
      const client = createTesseraClient({ baseUrl: serverUrl(io, values.url), token: own });
      const token = unwrap(await client.POST('/api/users/me/api-tokens/self/rotate', { body: grace === undefined ? undefined : { gracePeriodSeconds: grace } }));
      if (values.json) print(io, JSON.stringify(token, null, 2));
      else print(io, token.token);
      return EXIT.ok;
    }
    default:
      throw new UsageError(command ? `Unknown command: tokens ${command}` : 'tessera tokens needs a command');
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (!command) throw new UsageError('a command is needed');
    if (['help', '--help', '-h'].includes(command) || rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    switch (command) {
      case 'login':
        return await login(rest, io);
      case 'logout': {
        parse(rest, {});
        io.stderr.write(removeSession(io.env) ? `Signed out (removed ${configPath(io.env)})\n` : 'Not signed in\n');
        return EXIT.ok;
      }
      case 'whoami':
        return await whoami(rest, io);
      case 'tokens':
        return await tokens(rest, io);
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tessera: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof Refused) {
      io.stderr.write(`${error.code}: ${error.message}\n`);
      return EXIT.refused;
    }
    if (error instanceof TypeError && /fetch failed/.test(error.message)) {
      io.stderr.write(`tessera: cannot reach the server (${(error.cause as Error | undefined)?.message ?? error.message})\n`);
      return EXIT.refused;
    }
    throw error;
  }
}
