/**
 * Scope groups and levels: the one definition shared by the API and the panel.
 * A token's scopes travel as `group:level` strings; `write` implies `read`.
 */
export const SCOPE_GROUPS = ['account', 'tokens', 'usage'] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];

export const SCOPE_LEVELS = ['read', 'write'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** A group at a level, e.g. `tokens:read`. */
export type GroupScope = `${ScopeGroup}:${ScopeLevel}`;

/**
 * Scopes that are not a level of a group: each grants one narrow right and is granted only by
 * itself (no `write` implies them). `tokens:rotate-self`: the token may rotate its own secret.
 */
export const SPECIAL_SCOPES = ['tokens:rotate-self'] as const;
export type SpecialScope = (typeof SPECIAL_SCOPES)[number];

export type Scope = GroupScope | SpecialScope;

export const GROUP_SCOPES: readonly GroupScope[] = SCOPE_GROUPS.flatMap((group) =>
  SCOPE_LEVELS.map((level) => `${group}:${level}` as GroupScope),
);

/** Every valid scope word: the group levels, then the special scopes. */
export const ALL_SCOPES: readonly Scope[] = [...GROUP_SCOPES, ...SPECIAL_SCOPES];

export function isSpecialScope(value: unknown): value is SpecialScope {
  return typeof value === 'string' && (SPECIAL_SCOPES as readonly string[]).includes(value);
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (ALL_SCOPES as readonly string[]).includes(value);
}

/** True when the granted scopes allow `level` on `group` (write implies read). */
export function scopesAllow(granted: readonly string[], group: ScopeGroup, level: ScopeLevel): boolean {
  if (granted.includes(`${group}:write`)) return true;
  return level === 'read' && granted.includes(`${group}:read`);
}

/** True when the granted scopes allow `required`: a group level by `scopesAllow`, a special scope only by itself. */
export function scopeGranted(granted: readonly string[], required: Scope): boolean {
  if (isSpecialScope(required)) return granted.includes(required);
  const [group, level] = required.split(':') as [ScopeGroup, ScopeLevel];
  return scopesAllow(granted, group, level);
}

/** Drops `group:read` where `group:write` is present and sorts, so equal rights look equal. */
export function normalizeScopes(scopes: readonly Scope[]): Scope[] {
  const unique = new Set(scopes);
  for (const group of SCOPE_GROUPS) {
    if (unique.has(`${group}:write`)) unique.delete(`${group}:read`);
  }
  return [...unique].sort();
}
