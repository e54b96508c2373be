// The naive peer of the verify API (`pnpm bench` starts it): a bare node:http server that does,
// per call, what a straightforward token service does: parse the JSON body, SHA-256 the token,
// `SELECT ... WHERE token_hash = $1` and `UPDATE` the counters, on the same PostgreSQL database
// as Tessera (its api_tokens table). Answers {valid, tokenId, userId, scopes}.
// Environment: PORT, DATABASE_URL, POOL_SIZE (default 10, Tessera's own pool size).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const SELECT = 'SELECT id, user_id, scopes, status, expires_at FROM api_tokens WHERE token_hash = $1';
const UPDATE = 'UPDATE api_tokens SET request_count = request_count + 1, quota_used = quota_used + 1, last_used_at = now() WHERE id = $1';

function answer(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    return response.end('{"status":"ok"}');
  }
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (text += chunk));
  request.on('end', async () => {
    let token;
    try {
      token = JSON.parse(text).token;
    } catch {
      return answer(response, 400, { error: 'bad json' });
    }
    if (typeof token !== 'string') return answer(response, 400, { error: 'token required' });
    try {
      const hash = createHash('sha256').update(token, 'utf8').digest('hex');
      const { rows } = await pool.query(SELECT, [hash]);
      const row = rows[0];
      const valid = !!row && row.status === 'ACTIVE' && (row.expires_at === null || row.expires_at > new Date());
      if (valid) await pool.query(UPDATE, [row.id]);
      answer(response, 200, { valid, tokenId: row?.id ?? null, userId: row?.user_id ?? null, scopes: row?.scopes ?? [] });
    } catch (error) {
      answer(response, 500, { error: error.message });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`naive peer on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
