import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { SupportedLanguage } from './index';

dayjs.extend(relativeTime);
dayjs.extend(localizedFormat);

const ANTD_LOCALES: Record<SupportedLanguage, Locale> = { 'en-US': enUS, 'zh-CN': zhCN };
const DAYJS_LOCALES: Record<SupportedLanguage, string> = { 'en-US': 'en', 'zh-CN': 'zh-cn' };

export function antdLocaleFor(language: SupportedLanguage): Locale {
  return ANTD_LOCALES[language];
}

/** dayjs keeps one global locale; the provider calls this whenever the language changes. */
export function applyDayjsLocale(language: SupportedLanguage): void {
  dayjs.locale(DAYJS_LOCALES[language]);
}
