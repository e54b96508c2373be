// The ceiling for the verify API (`pnpm bench` starts it): a bare node:http server that reads and
// parses the same JSON body and answers a small JSON, with no framework, database or cache.
// Environment: PORT.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    return response.end('{"status":"ok"}');
  }
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (text += chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const answer = JSON.stringify({ valid: typeof body?.token === 'string', code: 'VALID' });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    response.end(answer);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`bare server on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
