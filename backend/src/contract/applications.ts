/**
 * Applications and their scope catalogues: the rules shared by the API and the panel.
 * A scope of an application is `resource:action` in lowercase; `implies` names other scopes of
 * the same application (a token holding `deploy:write` also has `deploy:read` when it implies it).
 */
export const APPLICATION_RULES = {
  slugPattern: '^[a-z][a-z0-9-]{1,31}$',
  scopePattern: '^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$',
  scopeMaxLength: 65,
  nameMaxLength: 100,
  descriptionMaxLength: 500,
  scopeDescriptionMaxLength: 200,
  maxScopes: 100,
  serviceKeyNameMaxLength: 100,
} as const;

/** The built-in application: Tessera's own API (seeded by migration, never edited or deleted). */
export const TESSERA_APPLICATION_ID = '00000000-0000-4000-8000-000000000001';
export const TESSERA_APPLICATION_SLUG = 'tessera';

export const QUOTA_REFILL_INTERVALS = ['day', 'week', 'month'] as const;
export type QuotaRefillInterval = (typeof QUOTA_REFILL_INTERVALS)[number];

export interface CatalogueScope {
  scope: string;
  description: string;
  descriptionZh?: string | null;
  implies?: string[];
}

/** A problem with a catalogue, named by its field path (`scopes.2.implies.0`). */
export interface CatalogueProblem {
  field: string;
  constraint: string;
  message: string;
}

const SCOPE_RE = new RegExp(APPLICATION_RULES.scopePattern);

/**
 * Checks a catalogue as a whole: each scope well formed and unique, each implication naming
 * another scope of the catalogue, and no cycle of implications. Pure: the API and the panel's
 * editor use the same rules.
 */
export function catalogueProblems(scopes: readonly CatalogueScope[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const seen = new Map<string, number>();
  scopes.forEach((entry, index) => {
    if (!SCOPE_RE.test(entry.scope) || entry.scope.length > APPLICATION_RULES.scopeMaxLength) {
      problems.push({ field: `scopes.${index}.scope`, constraint: 'scopeFormat', message: `scopes.${index}.scope must be resource:action in lowercase (${APPLICATION_RULES.scopePattern})` });
    } else if (seen.has(entry.scope)) {
      problems.push({ field: `scopes.${index}.scope`, constraint: 'unique', message: `scopes.${index}.scope repeats ${entry.scope}` });
    }
    if (!seen.has(entry.scope)) seen.set(entry.scope, index);
  });
  scopes.forEach((entry, index) => {
    (entry.implies ?? []).forEach((implied, at) => {
      const field = `scopes.${index}.implies.${at}`;
      if (implied === entry.scope) problems.push({ field, constraint: 'selfImplication', message: `${entry.scope} cannot imply itself` });
      else if (!seen.has(implied)) problems.push({ field, constraint: 'unknownScope', message: `${field} names ${implied}, which is not a scope of this application` });
    });
  });
  if (problems.length > 0) return problems;
  const cycle = findCycle(scopes);
  if (cycle) {
    const index = seen.get(cycle[0])!;
    problems.push({ field: `scopes.${index}.implies`, constraint: 'noCycle', message: `Implications must not form a cycle: ${cycle.join(' -> ')}` });
  }
  return problems;
}

/** A cycle of implications as the list of scopes along it (first repeated at the end), or null. */
export function findCycle(scopes: readonly CatalogueScope[]): string[] | null {
  const edges = new Map(scopes.map((entry) => [entry.scope, entry.implies ?? []]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (scope: string): string[] | null => {
    if (state.get(scope) === 'done') return null;
    if (state.get(scope) === 'open') return [...path.slice(path.indexOf(scope)), scope];
    state.set(scope, 'open');
    path.push(scope);
    for (const next of edges.get(scope) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(scope, 'done');
    return null;
  };
  for (const entry of scopes) {
    const found = visit(entry.scope);
    if (found) return found;
  }
  return null;
}

/** Every scope the granted ones stand for: themselves and, transitively, what they imply. */
export function expandScopes(granted: readonly string[], scopes: readonly CatalogueScope[]): Set<string> {
  const edges = new Map(scopes.map((entry) => [entry.scope, entry.implies ?? []]));
  const out = new Set<string>();
  const stack = [...granted];
  while (stack.length > 0) {
    const scope = stack.pop()!;
    if (out.has(scope)) continue;
    out.add(scope);
    for (const next of edges.get(scope) ?? []) stack.push(next);
  }
  return out;
}
