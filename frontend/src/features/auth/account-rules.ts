import { USER_RULES } from '@tessera/backend/contract';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Form rules for account fields, the same as the API's (USER_RULES); used by sign-up and the profile. */
export function accountRules(t: TFunction) {
  return {
    username: [
      { required: true, message: t('auth.validation.usernameRequired') },
      { pattern: new RegExp(USER_RULES.usernamePattern), message: t('auth.validation.usernameInvalid') },
    ] satisfies FormRule[],
    email: [
      { required: true, message: t('auth.validation.emailRequired') },
      { type: 'email', message: t('auth.validation.emailInvalid') },
    ] satisfies FormRule[],
    passwordLength: {
      min: USER_RULES.passwordMinLength,
      max: USER_RULES.passwordMaxLength,
      message: t('auth.validation.passwordLength', { min: USER_RULES.passwordMinLength, max: USER_RULES.passwordMaxLength }),
    } satisfies FormRule,
    /** A confirmation: equal to `field` (both empty counts as equal). */
    sameAs: (field: string): FormRule => ({ getFieldValue }) => ({
      validator: (_, value: string | undefined) =>
        (value ?? '') === (getFieldValue(field) ?? '') ? Promise.resolve() : Promise.reject(new Error(t('auth.validation.passwordsDiffer'))),
    }),
  };
}
