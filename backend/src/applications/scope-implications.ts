import { validationFailed } from '../common/app-exception';
import { expandScopes } from '../contract';
import type { ResolvedApplication } from './application-directory';

/**
 * The scope rule of an application: a token holding a scope also holds, transitively, what it
 * implies in the catalogue as it is now (so an admin's new implication applies to existing tokens).
 */
export function grantsWithin(app: ResolvedApplication): (granted: readonly string[], required: string) => boolean {
  return (granted, required) => expandScopes(granted, app.scopes).has(required);
}

/** Every scope must be in the application's catalogue: a 400 naming `field` and the unknown scope otherwise. */
export function assertScopesOf(app: ResolvedApplication, scopes: readonly string[], field = 'scopes'): void {
  const unknown = scopes.filter((scope) => !app.scopeNames.has(scope));
  if (unknown.length === 0) return;
  throw validationFailed([
    {
      field,
      constraint: 'inCatalogue',
      message: `${field} has ${unknown.join(', ')}, not a scope of application ${app.slug}; its scopes are ${[...app.scopeNames].join(', ')}`,
    },
  ]);
}
