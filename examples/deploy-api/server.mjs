// deploy-api: a small service whose API is protected by Tessera tokens.
//   GET  /deployments  needs deploy:read  (cost 1)
//   POST /deployments  needs deploy:write (cost 5)
// Each call asks Tessera's verify API with this service's key (TESSERA_SERVICE_KEY, `tsk_…`) and
// answers 401/403/429 in Tessera's error shape. Plain node:http and fetch, no dependencies; the
// `authorize` function is what `@tessera/sdk`'s verifier will do for you once you use it.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const TESSERA_URL = (process.env.TESSERA_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const SERVICE_KEY = process.env.TESSERA_SERVICE_KEY;
const PORT = Number(process.env.PORT ?? 4000);
const HOST = process.env.HOST ?? '127.0.0.1';
if (!SERVICE_KEY || !SERVICE_KEY.startsWith('tsk_')) {
  console.error('Set TESSERA_SERVICE_KEY to the service key of this application (tsk_…)');
  process.exit(1);
}

/** How Tessera's refusal codes map onto this service's answers. */
const STATUS_OF = {
  TOKEN_INVALID: 401, TOKEN_EXPIRED: 401, TOKEN_REVOKED: 401, TOKEN_DELETED: 401, TOKEN_ROTATED: 401, USER_DISABLED: 401,
  INSUFFICIENT_SCOPE: 403, IP_NOT_ALLOWED: 403,
  REQUEST_LIMIT_EXCEEDED: 429, QUOTA_EXCEEDED: 429, RATE_LIMITED: 429,
};
const REASONS = { 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 400: 'Bad Request', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable' };
const PASSED_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-quota-limit', 'x-quota-remaining', 'x-quota-reset', 'x-requestlimit-limit', 'x-requestlimit-remaining', 'retry-after'];

const deployments = [];

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function error(response, status, code, message, headers) {
  send(response, status, { statusCode: status, error: REASONS[status] ?? 'Error', code, message }, headers);
}

/** The client's address as verify expects it (an IPv4 client on a dual-stack socket is ::ffff:a.b.c.d). */
function clientIp(request) {
  const address = request.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * Asks Tessera whether the caller's token may do this and charges `cost` when it may. Answers the
 * verified token, or null after answering the refusal itself.
 */
async function authorize(request, response, scopes, cost) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) {
    error(response, 401, 'UNAUTHENTICATED', 'Send a Tessera token: Authorization: Bearer tsr_…');
    return null;
  }
  let answer;
  try {
    answer = await fetch(`${TESSERA_URL}/api/v1/tokens/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SERVICE_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: match[1], scopes, cost, ip: clientIp(request) || undefined }),
    });
  } catch (cause) {
    error(response, 503, 'TESSERA_UNREACHABLE', `Tokens cannot be checked right now: ${cause.message}`);
    return null;
  }
  const body = await answer.json();
  const headers = Object.fromEntries(PASSED_HEADERS.filter((name) => answer.headers.has(name)).map((name) => [name, answer.headers.get(name)]));
  if (answer.status !== 200) {
    // Not an answer about the token: this service's key is wrong (401) or Tessera cannot decide (503).
    error(response, answer.status === 503 ? 503 : 502, body.code ?? 'VERIFY_FAILED', `Tessera answered ${answer.status}: ${body.message}`, headers);
    return null;
  }
  if (!body.valid) {
    error(response, STATUS_OF[body.code] ?? 401, body.code, `The token was refused: ${body.code}`, headers);
    return null;
  }
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  return body;
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) throw new Error('too large');
  }
  return text ? JSON.parse(text) : {};
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  try {
    if (path === '/deployments' && request.method === 'GET') {
      const token = await authorize(request, response, ['deploy:read'], 1);
      if (token) send(response, 200, { data: deployments, remaining: token.remaining });
      return;
    }
    if (path === '/deployments' && request.method === 'POST') {
      // Who may deploy comes first: a caller without deploy:write learns nothing about the body's rules.
      const token = await authorize(request, response, ['deploy:write'], 5);
      if (!token) return;
      let input;
      try {
        input = await readJson(request);
      } catch {
        return error(response, 400, 'MALFORMED_JSON', 'The body is not JSON');
      }
      if (typeof input.service !== 'string' || input.service.length === 0 || input.service.length > 100) {
        return error(response, 400, 'VALIDATION_FAILED', 'service must be a non-empty string');
      }
      const deployment = { id: randomUUID(), service: input.service, version: String(input.version ?? 'latest'), deployedBy: token.owner.username, at: new Date().toISOString() };
      deployments.push(deployment);
      send(response, 201, { ...deployment, remaining: token.remaining });
      return;
    }
    error(response, 404, 'NOT_FOUND', 'No such route');
  } catch (cause) {
    error(response, 502, 'INTERNAL_ERROR', cause.message);
  }
});

server.listen(PORT, HOST, () => console.log(`deploy-api listening on http://${HOST}:${PORT}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
