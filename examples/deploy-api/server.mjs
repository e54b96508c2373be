// deploy-api: a small service whose API is protected by Tessera tokens.
//   GET  /deployments  needs deploy:read  (cost 1)
//   POST /deployments  needs deploy:write (cost 5)
// `requireToken` from @tessera/sdk asks Tessera's verify API with this service's key, and answers
// 401/403/429 itself in Tessera's error shape with the limit headers. It reads TESSERA_URL and
// TESSERA_SERVICE_KEY (`tsk_…`) when the routes are declared, and throws if they are missing.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { requireToken } from '@tessera/sdk/express';

const PORT = Number(process.env.PORT ?? 4000);
const HOST = process.env.HOST ?? '127.0.0.1';

const REASONS = { 400: 'Bad Request', 404: 'Not Found', 413: 'Payload Too Large', 500: 'Internal Server Error' };
const error = (response, status, code, message) => response.status(status).json({ statusCode: status, error: REASONS[status] ?? 'Error', code, message });

let canRead, canDeploy;
try {
  canRead = requireToken({ scopes: ['deploy:read'], cost: 1 });
  canDeploy = requireToken({ scopes: ['deploy:write'], cost: 5 });
} catch (cause) {
  console.error(cause.message);
  process.exit(1);
}

const deployments = [];
const app = express();
app.disable('x-powered-by');

app.get('/deployments', canRead, (request, response) => {
  response.json({ data: deployments, remaining: request.tessera.remaining });
});

// Who may deploy comes first: a caller without deploy:write learns nothing about the body's rules.
// The body is JSON whatever its Content-Type says (curl -d sends it as a form).
app.post('/deployments', canDeploy, express.json({ type: () => true, limit: '10kb' }), (request, response) => {
  const input = request.body ?? {};
  if (typeof input.service !== 'string' || input.service.length === 0 || input.service.length > 100) {
    return error(response, 400, 'VALIDATION_FAILED', 'service must be a non-empty string');
  }
  const token = request.tessera;
  const deployment = { id: randomUUID(), service: input.service, version: String(input.version ?? 'latest'), deployedBy: token.owner.username, at: new Date().toISOString() };
  deployments.push(deployment);
  response.status(201).json({ ...deployment, remaining: token.remaining });
});

app.use((request, response) => error(response, 404, 'NOT_FOUND', 'No such route'));
// express.json's refusals (malformed or too large), and anything thrown, in the same shape.
app.use((cause, request, response, next) => {
  if (response.headersSent) return next(cause);
  if (cause.type === 'entity.parse.failed') return error(response, 400, 'MALFORMED_JSON', 'The body is not JSON');
  if (cause.type === 'entity.too.large') return error(response, 413, 'PAYLOAD_TOO_LARGE', 'The body is larger than 10 kB');
  console.error(cause);
  return error(response, 500, 'INTERNAL_ERROR', 'Something went wrong');
});

const server = app.listen(PORT, HOST, () => console.log(`deploy-api listening on http://${HOST}:${PORT}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
