import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentErrorResponses, ERROR_BODY_SCHEMA, type Operation, reasonOf } from './error-responses';
import { applyValidatorRules, toNullableTypes } from './exact-schemas';
import { defaultOperationId, routeRules } from './route-rules';

export const OPENAPI_JSON_PATH = 'api/docs-json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The OpenAPI document of the app, exact enough to generate a client from: built by Nest from the
 * controllers and DTOs, then completed by `finalizeDocument` from the guard's metadata, the error
 * catalogue and the DTOs' validators, so a new route is described correctly without extra work.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Tessera API')
      .setDescription(
        'Personal access tokens: mint, verify, meter. Authenticate with `Authorization: Bearer <session JWT or tsr_ token>`. ' +
          'Errors share one shape: `{statusCode, error, code, message, details?}`.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'This server')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A session JWT from /api/auth/login, or a tsr_ personal access token' }, 'bearer')
      .build(),
    { operationIdFactory: defaultOperationId },
  );
  return finalizeDocument(app, document);
}

export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return document;
}

/**
 * The rules every operation follows, whoever wrote it:
 * - one tag, its controller's (@ApiTags, or the controller's name: `AdminUsersController` -> `admin-users`);
 * - `security: []` on @Public routes, one bearer entry on every other;
 * - a request body is required only when its schema has a required field;
 * - every error status the route can answer, in the shared ErrorBody shape (error-responses.ts);
 * - request fields required or optional as their validators say, nullability as OpenAPI 3.1 types.
 */
export function finalizeDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const rules = routeRules(app);
  document.components ??= {};
  document.components.schemas ??= {};
  const schemas = document.components.schemas as Record<string, Record<string, unknown>>;
  schemas.ErrorBody = ERROR_BODY_SCHEMA;
  applyValidatorRules(schemas as never);

  const tags = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const rule = rules.get(operation.operationId ?? '');
      if (rule) {
        operation.tags = [rule.tag];
        operation.security = rule.isPublic ? [] : [{ bearer: [] }];
      }
      operation.tags?.forEach((tag) => tags.add(tag));
      const reference = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      if (operation.requestBody && reference) {
        const schema = schemas[reference.split('/').pop()!] as { required?: string[] } | undefined;
        operation.requestBody.required = (schema?.required?.length ?? 0) > 0;
      }
      documentErrorResponses(path, operation, rule);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response.description) response.description = reasonOf(Number(status));
      }
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name, description: `Routes of ${name}` }));
  toNullableTypes(document);
  return document;
}
