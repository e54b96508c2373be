/**
 * Scope groups and levels: the one definition shared by the API and the panel.
 * A token's scopes travel as `group:level` strings; `write` implies `read`.
 */
export const SCOPE_GROUPS = ['account', 'tokens', 'usage'] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];

export const SCOPE_LEVELS = ['read', 'write'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export type Scope = `${ScopeGroup}:${ScopeLevel}`;

export const ALL_SCOPES: readonly Scope[] = SCOPE_GROUPS.flatMap((group) =>
  SCOPE_LEVELS.map((level) => `${group}:${level}` as Scope),
);

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (ALL_SCOPES as readonly string[]).includes(value);
}

/** True when the granted scopes allow `level` on `group` (write implies read). */
export function scopesAllow(granted: readonly string[], group: ScopeGroup, level: ScopeLevel): boolean {
  if (granted.includes(`${group}:write`)) return true;
  return level === 'read' && granted.includes(`${group}:read`);
}

/** Drops `group:read` where `group:write` is present and sorts, so equal rights look equal. */
export function normalizeScopes(scopes: readonly Scope[]): Scope[] {
  const unique = new Set(scopes);
  for (const group of SCOPE_GROUPS) {
    if (unique.has(`${group}:write`)) unique.delete(`${group}:read`);
  }
  return [...unique].sort();
}
