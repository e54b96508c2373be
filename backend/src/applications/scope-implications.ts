import { validationFailed } from '../common/app-exception';
import { expandScopes } from '../contract';
import type { ResolvedApplication } from './application-directory';

/**
 * The scope rule of an application: a token holding a scope also holds, transitively, what it
 * implies in the catalogue as it is now (so an admin's new implication applies to existing tokens).
 */
export function grantsWithin(app: ResolvedApplication): (granted: readonly string[], required: string) => boolean {
  let rule = RULES.get(app);
  if (rule === undefined) {
    // A token's scopes come from the verification cache as the same array call after call: its
    // expansion is worked out once per catalogue version (a reloaded catalogue is a new object).
    const expanded = new WeakMap<readonly string[], ReadonlySet<string>>();
    rule = (granted, required) => {
      let scopes = expanded.get(granted);
      if (scopes === undefined) expanded.set(granted, (scopes = expandScopes(granted, app.scopes)));
      return scopes.has(required);
    };
    RULES.set(app, rule);
  }
  return rule;
}

const RULES = new WeakMap<ResolvedApplication, (granted: readonly string[], required: string) => boolean>();

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
