import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../app-exception';
import { inputShapeProblem } from '../pipes/input-shape';

/**
 * Routes validated by a Fastify JSON schema (the verify API) skip the ValidationPipe, where the
 * input-shape rule (nesting depth, lone surrogates, NUL characters) runs for every other route.
 * This hook runs the same rule first on those routes, so a malformed string is a 400 naming its
 * field there too, before the schema reports anything else.
 */
export function installInputShapeCheck(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.routeOptions.schema?.body === undefined || request.body === undefined) return done();
    const problem = inputShapeProblem(request.body);
    done(problem ? validationFailed([problem]) : undefined);
  });
}
