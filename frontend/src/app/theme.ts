import type { ThemeConfig } from 'antd';

/**
 * The panel's colours, chosen for WCAG 2.2 AA contrast (4.5:1 for text) in one place, so no page
 * has to fix its own: antd's defaults (#1677ff blue, 45 % grey secondary text, the light green,
 * gold and red of status tags, 25 % grey placeholders) all fall below 4.5:1 on white. Each value
 * here is checked against the background it sits on in theme.test.ts.
 */
export const ACCESSIBLE_TOKENS = {
  // blue-7: white text on it is 6.1:1, and as link text on white 6.1:1
  colorPrimary: '#0958d9',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  // green-8, gold-8 and red-7: as tag text on their own light backgrounds
  colorSuccess: '#237804',
  colorWarning: '#874d00',
  colorError: '#cf1322',
  // antd derives greyish backgrounds from dark seeds: keep the light green and gold ones
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  // greys: secondary and descriptive text, and placeholders, at 65 %/60 % black instead of 45 %/25 %
  colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorIcon: 'rgba(0, 0, 0, 0.65)',
  // a link inside running text must not be told apart by colour alone (WCAG 1.4.1)
  linkDecoration: 'underline',
} as const;

/**
 * Tags take their colour from these tokens only as status colours (`success`, `warning`, `error`,
 * `processing`): antd's preset palettes "green", "gold", "orange", "volcano" (and lime, cyan,
 * yellow) write text in their 7th step, 2.6-4.1:1 on their light backgrounds, and a token override does not reach the CSS
 * variables they are painted with. theme.test.ts keeps preset colours out of the source.
 */
export const TAG_STATUS_COLORS = ['success', 'warning', 'error', 'processing', 'default'] as const;

export function panelTheme(motion: boolean): ThemeConfig {
  return { token: { motion, ...ACCESSIBLE_TOKENS } };
}
