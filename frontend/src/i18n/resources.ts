import enAdmin from './locales/en-US/admin.json';
import enAuth from './locales/en-US/auth.json';
import enCommon from './locales/en-US/common.json';
import enCredentials from './locales/en-US/credentials.json';
import enErrors from './locales/en-US/errors.json';
import enProfile from './locales/en-US/profile.json';
import enSecurity from './locales/en-US/security.json';
import zhAdmin from './locales/zh-CN/admin.json';
import enPanel from './locales/en-US/panel.json';
import zhAuth from './locales/zh-CN/auth.json';
import zhCommon from './locales/zh-CN/common.json';
import zhCredentials from './locales/zh-CN/credentials.json';
import zhErrors from './locales/zh-CN/errors.json';
import zhProfile from './locales/zh-CN/profile.json';
import zhSecurity from './locales/zh-CN/security.json';
import zhPanel from './locales/zh-CN/panel.json';

/**
 * One namespace; each area file sits under its own top-level key, so `t('credentials.table.name')`
 * names the file it lives in.
 */
export const resources = {
  'en-US': {
    translation: { common: enCommon, auth: enAuth, credentials: enCredentials, profile: enProfile, errors: enErrors, security: enSecurity, administration: enAdmin, panel: enPanel },
  },
  'zh-CN': {
    translation: { common: zhCommon, auth: zhAuth, credentials: zhCredentials, profile: zhProfile, errors: zhErrors, security: zhSecurity, administration: zhAdmin, panel: zhPanel },
  },
} as const;
