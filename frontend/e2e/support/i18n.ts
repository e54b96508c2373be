import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { resources } from '../../src/i18n/resources';

dayjs.extend(relativeTime);

export type Language = keyof typeof resources;

/**
 * The panel's own words, read from its locale files, so the tests look for what a person sees
 * and a reworded label does not break them. `{{name}}` placeholders are filled from `values`.
 */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = resources[language].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`No ${language} text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** The words the panel uses for a relative time, computed the way the panel does (dayjs). */
export function relativeTimeText(language: Language, iso: string | Date): string {
  return dayjs(iso)
    .locale(language === 'zh-CN' ? 'zh-cn' : 'en')
    .fromNow();
}

/**
 * A button's accessible name: its label, after an icon's own name if it has one ("check Copied"),
 * and with the space antd puts between exactly two CJK characters ("吊销" shows as "吊 销").
 */
export function buttonName(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const spaced = /^[\u4e00-\u9fff]{2}$/.test(label) ? `${label[0]}\\s?${label[1]}` : escaped;
  return new RegExp(`(^|\\s)${spaced}\\s*$`);
}
