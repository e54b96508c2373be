import { ERROR_CODES } from '@tessera/backend/contract';
import type { TFunction } from 'i18next';
import { ApiError, describeFieldDetail } from './api-error';

export interface FieldError {
  name: string;
  errors: string[];
}

/**
 * Turns a 400 VALIDATION_FAILED / 409 CONFLICT with `details[].field` into errors for form fields
 * (`form.setFields`). `toFormField` maps a server path such as `scopes.0` to a form field name, or
 * null when the form has no such field; those are reported as `unplaced`.
 */
export function fieldErrorsFrom(
  error: unknown,
  t: TFunction,
  i18nExists: (key: string) => boolean,
  toFormField: (serverField: string) => string | null,
): { fields: FieldError[]; unplaced: boolean } {
  if (!(error instanceof ApiError) || error.details.length === 0) return { fields: [], unplaced: true };
  const byField = new Map<string, string[]>();
  let unplaced = false;
  for (const detail of error.details) {
    const name = toFormField(detail.field);
    if (!name) {
      unplaced = true;
      continue;
    }
    const text =
      error.code === ERROR_CODES.CONFLICT ? t('errors.constraint.taken') : describeFieldDetail(detail, t, i18nExists);
    byField.set(name, [...(byField.get(name) ?? []), text]);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })), unplaced };
}

/** Server field paths are dotted (`scopes.1`, `body.name`); forms care about the first real segment. */
export function topLevelField(serverField: string): string {
  const segments = serverField.split('.').filter((segment) => segment !== 'body');
  return segments[0] ?? serverField;
}
