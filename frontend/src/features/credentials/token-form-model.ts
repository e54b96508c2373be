import {
  ipEntryProblemKind,
  SCOPE_GROUPS,
  SPECIAL_SCOPES,
  TESSERA_APPLICATION_ID,
  TOKEN_RULES,
  type QuotaRefillInterval,
  type Scope,
  type ScopeGroup,
  type ScopeLevel,
  type SpecialScope,
} from '@tessera/backend/contract';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiToken, CreateTokenBody, TokenPolicy, UpdateTokenBody } from '../../api/types';

export type ScopeChoice = 'none' | ScopeLevel;
/** One none/read/write choice per group, plus the special scopes that are on (checkboxes). */
export type ScopeSelection = Record<ScopeGroup, ScopeChoice> & { special: SpecialScope[] };

/** `keep` exists only when editing a token that already has an expiry date. */
export const EXPIRY_PRESETS = ['7d', '30d', '60d', '90d', '1y', 'custom', 'never'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number] | 'keep';

export interface TokenFormValues {
  /** The application the token is for; Tessera's own API when absent. Fixed once created. */
  applicationId?: string;
  name: string;
  description?: string;
  /** Tessera's own scopes (group levels and special scopes). */
  scopes: ScopeSelection;
  /** Scopes of another application's catalogue. */
  appScopes?: string[];
  quotaRefillAmount?: number | null;
  quotaRefillInterval?: QuotaRefillInterval | null;
  expiryPreset: ExpiryPreset;
  customExpiry?: Dayjs | null;
  requestLimit?: number | null;
  quotaLimit?: number | null;
  rateLimit?: number | null;
  /** The allowlist as typed: one IP or CIDR range per line (commas and spaces separate too). */
  allowedIps?: string;
}

export const LIMIT_FIELDS = ['requestLimit', 'quotaLimit', 'rateLimit'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export const LIMIT_MAXIMUM: Record<LimitField, number> = {
  requestLimit: TOKEN_RULES.maxLimitValue,
  quotaLimit: TOKEN_RULES.maxLimitValue,
  rateLimit: TOKEN_RULES.maxRateLimitPerMinute,
};

export function emptyScopeSelection(): ScopeSelection {
  const groups = Object.fromEntries(SCOPE_GROUPS.map((group) => [group, 'none'])) as Record<ScopeGroup, ScopeChoice>;
  return { ...groups, special: [] };
}

export function scopesFromSelection(selection: ScopeSelection): Scope[] {
  const groups = SCOPE_GROUPS.flatMap((group) => {
    const choice = selection[group];
    return choice === 'none' ? [] : [`${group}:${choice}` as Scope];
  });
  return [...groups, ...SPECIAL_SCOPES.filter((scope) => selection.special?.includes(scope))];
}

/** `write` implies `read`, so a token holding both shows as write. */
export function selectionFromScopes(scopes: readonly string[]): ScopeSelection {
  const selection = emptyScopeSelection();
  for (const group of SCOPE_GROUPS) {
    if (scopes.includes(`${group}:write`)) selection[group] = 'write';
    else if (scopes.includes(`${group}:read`)) selection[group] = 'read';
  }
  selection.special = SPECIAL_SCOPES.filter((scope) => scopes.includes(scope));
  return selection;
}

export function hasAnyScope(selection: ScopeSelection | undefined): boolean {
  return selection !== undefined && (SCOPE_GROUPS.some((group) => selection[group] !== 'none') || (selection.special?.length ?? 0) > 0);
}

/** Until `GET /api/policy` answers: the server's defaults (the server checks anyway). */
export const DEFAULT_POLICY: TokenPolicy = { maxTokenLifetimeDays: 365, allowNoExpiry: true, expiryNoticeDays: 7, maxTokensPerUser: 100, idleRevokeDays: null, signupMode: 'open', openVerifyForTesseraTokens: true };

const PRESET_DAYS: Partial<Record<ExpiryPreset, number>> = { '7d': 7, '30d': 30, '60d': 60, '90d': 90, '1y': 365 };

/** The presets this server's policy accepts: none longer than the maximum, no "never" unless allowed. */
export function presetsAllowed(policy: TokenPolicy, editingExpiry: string | null | undefined): ExpiryPreset[] {
  const base: ExpiryPreset[] = editingExpiry ? ['keep', ...EXPIRY_PRESETS] : [...EXPIRY_PRESETS];
  return base.filter((preset) => {
    if (preset === 'never') return policy.allowNoExpiry;
    const days = PRESET_DAYS[preset];
    return days === undefined || days <= policy.maxTokenLifetimeDays;
  });
}

/** The last day a custom expiry may be on. */
export function latestExpiryDay(policy: TokenPolicy, now: Dayjs = dayjs()): Dayjs {
  return now.add(policy.maxTokenLifetimeDays, 'day');
}

/** A custom date means "valid through that day", so it ends at the last moment of the chosen day. */
export function customExpiryMoment(date: Dayjs): Dayjs {
  return date.endOf('day');
}

export function isFutureExpiry(date: Dayjs | null | undefined, now: Dayjs = dayjs()): boolean {
  return date !== null && date !== undefined && customExpiryMoment(date).isAfter(now);
}

/** ISO time for the preset; null for no expiry; undefined for "leave as it is". */
export function expiresAtFor(values: Pick<TokenFormValues, 'expiryPreset' | 'customExpiry'>, now: Dayjs = dayjs()): string | null | undefined {
  switch (values.expiryPreset) {
    case 'keep':
      return undefined;
    case 'never':
      return null;
    case 'custom':
      return values.customExpiry ? customExpiryMoment(values.customExpiry).toISOString() : null;
    case '1y':
      return now.add(1, 'year').toISOString();
    default:
      return now.add(Number.parseInt(values.expiryPreset, 10), 'day').toISOString();
  }
}

export function isValidLimit(value: number | null | undefined, field: LimitField): boolean {
  return value === null || value === undefined || (Number.isInteger(value) && value >= 1 && value <= LIMIT_MAXIMUM[field]);
}

/** Longest entry the API takes (its DTO's MaxLength). */
export const ALLOWED_IP_MAX_LENGTH = 64;

/** Entries of the allowlist text: split on new lines, commas and spaces; blanks and repeats dropped. */
export function parseAllowedIps(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,]+/).filter((entry) => entry !== ''))];
}

export type AllowedIpsProblem =
  | { kind: 'tooMany'; max: number }
  | { kind: 'invalid'; entries: string[] };

/** What the API would refuse in this allowlist text, or null. */
export function allowedIpsProblem(text: string | undefined): AllowedIpsProblem | null {
  const entries = parseAllowedIps(text);
  if (entries.length > TOKEN_RULES.maxAllowedIps) return { kind: 'tooMany', max: TOKEN_RULES.maxAllowedIps };
  const invalid = entries.filter((entry) => entry.length > ALLOWED_IP_MAX_LENGTH || ipEntryProblemKind(entry) !== null);
  return invalid.length > 0 ? { kind: 'invalid', entries: invalid } : null;
}

export function createFormDefaults(): TokenFormValues {
  return { applicationId: TESSERA_APPLICATION_ID, name: '', description: '', scopes: emptyScopeSelection(), appScopes: [], expiryPreset: '30d', customExpiry: null, quotaRefillInterval: null };
}

/** Tessera's own API picks scopes per group; every other application from its catalogue. */
export function isOwnApplication(applicationId: string | undefined): boolean {
  return applicationId === undefined || applicationId === TESSERA_APPLICATION_ID;
}

function scopesOf(values: TokenFormValues): string[] {
  return isOwnApplication(values.applicationId) ? scopesFromSelection(values.scopes) : [...(values.appScopes ?? [])];
}

function refillOf(values: TokenFormValues): { amount: number; interval: QuotaRefillInterval } | null {
  return typeof values.quotaRefillAmount === 'number' && values.quotaRefillInterval ? { amount: values.quotaRefillAmount, interval: values.quotaRefillInterval } : null;
}

export function editFormDefaults(token: ApiToken): TokenFormValues {
  const own = isOwnApplication(token.application?.id);
  return {
    applicationId: token.application?.id ?? TESSERA_APPLICATION_ID,
    appScopes: own ? [] : [...token.scopes],
    quotaRefillAmount: token.quotaRefill?.amount ?? null,
    quotaRefillInterval: token.quotaRefill?.interval ?? null,
    name: token.name,
    description: token.description ?? '',
    scopes: own ? selectionFromScopes(token.scopes) : emptyScopeSelection(),
    expiryPreset: token.expiresAt ? 'keep' : 'never',
    customExpiry: null,
    requestLimit: token.requestLimit,
    quotaLimit: token.quotaLimit,
    rateLimit: token.rateLimit,
    allowedIps: (token.allowedIps ?? []).join('\n'),
  };
}

export function toCreateBody(values: TokenFormValues, now: Dayjs = dayjs()): CreateTokenBody {
  const body: CreateTokenBody = { name: values.name.trim(), scopes: scopesOf(values) };
  if (!isOwnApplication(values.applicationId)) body.applicationId = values.applicationId;
  const refill = refillOf(values);
  if (refill) body.quotaRefill = refill;
  const description = values.description?.trim();
  if (description) body.description = description;
  const expiresAt = expiresAtFor(values, now);
  if (expiresAt) body.expiresAt = expiresAt;
  for (const field of LIMIT_FIELDS) {
    const limit = values[field];
    if (typeof limit === 'number') body[field] = limit;
  }
  const allowedIps = parseAllowedIps(values.allowedIps);
  if (allowedIps.length > 0) body.allowedIps = allowedIps;
  return body;
}

/** Edits send every setting; `null` clears an optional one (the API's way of saying "none"). */
export function toUpdateBody(values: TokenFormValues, now: Dayjs = dayjs(), currentExpiresAt?: string | null): UpdateTokenBody {
  const body: UpdateTokenBody = {
    name: values.name.trim(),
    description: values.description?.trim() || null,
    scopes: scopesOf(values),
    quotaRefill: refillOf(values),
  };
  const expiresAt = expiresAtFor(values, now);
  // "No expiry" on a token that has none changes nothing: leave it out (a strict policy would refuse `null`).
  const unchangedNever = expiresAt === null && values.expiryPreset === 'never' && currentExpiresAt === null;
  if (expiresAt !== undefined && !unchangedNever) body.expiresAt = expiresAt;
  for (const field of LIMIT_FIELDS) body[field] = values[field] ?? null;
  body.allowedIps = parseAllowedIps(values.allowedIps);
  return body;
}

const DIRECT_FORM_FIELDS = ['name', 'description', 'scopes', ...LIMIT_FIELDS, 'allowedIps'] as const;

/** Where a server-rejected field shows up in the form. */
export function formFieldForServerField(serverField: string, preset: ExpiryPreset, ownApplication = true): keyof TokenFormValues | null {
  if (serverField === 'scopes' && !ownApplication) return 'appScopes';
  if (serverField.startsWith('quotaRefill')) return serverField.endsWith('interval') ? 'quotaRefillInterval' : 'quotaRefillAmount';
  if (serverField === 'applicationId') return 'applicationId';
  if ((DIRECT_FORM_FIELDS as readonly string[]).includes(serverField)) return serverField as keyof TokenFormValues;
  if (serverField === 'expiresAt') return preset === 'custom' ? 'customExpiry' : 'expiryPreset';
  return null;
}
