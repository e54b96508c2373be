import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { ACCESSIBLE_TOKENS, panelTheme, TAG_STATUS_COLORS } from './theme';

type Rgba = [number, number, number, number];

function parse(input: string): Rgba {
  const color = /^#[0-9a-f]{3}$/i.test(input) ? `#${[...input.slice(1)].map((c) => c + c).join('')}` : input;
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color);
  if (hex) {
    const value = parseInt(hex[1], 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255, hex[2] ? parseInt(hex[2], 16) / 255 : 1];
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color.replace(/\s+/g, ''));
  if (!rgb) throw new Error(`cannot read colour ${color}`);
  const [r, g, b, a = '1'] = rgb[1].split(',');
  return [Number(r), Number(g), Number(b), Number(a)];
}

/** A translucent colour painted over an opaque one, as the browser shows it. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of text colour `fg` on background `bg` (both may be translucent over white). */
function contrast(fg: string, bg: string): number {
  const background = over(parse(bg), [255, 255, 255, 1]);
  const text = over(parse(fg), background);
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const tokens = theme.getDesignToken(panelTheme(false));
const defaults = theme.getDesignToken();

describe('the panel theme', () => {
  const pairs: [string, string, string][] = [
    ['white text on primary buttons', tokens.colorTextLightSolid, tokens.colorPrimary],
    ['white text on danger buttons', tokens.colorTextLightSolid, tokens.colorError],
    ['links on white', tokens.colorLink, tokens.colorBgContainer],
    ['primary text on its light background (selected items)', tokens.colorPrimary, tokens.colorPrimaryBg],
    ['secondary text on white', tokens.colorTextSecondary, tokens.colorBgContainer],
    ['descriptions on white', tokens.colorTextDescription, tokens.colorBgContainer],
    ['descriptions on table headers', tokens.colorTextDescription, tokens.colorFillAlter],
    ['tertiary text on white', tokens.colorTextTertiary, tokens.colorBgContainer],
    ['placeholders in inputs', tokens.colorTextPlaceholder, tokens.colorBgContainer],
    ['"Active" tags (success)', tokens.colorSuccess, tokens.colorSuccessBg],
    ['"Expired" and expiring tags (warning)', tokens.colorWarning, tokens.colorWarningBg],
    ['"Revoked" tags (error)', tokens.colorError, tokens.colorErrorBg],
    ['error messages under fields', tokens.colorError, tokens.colorBgContainer],
    ['"processing" tags (pending invitations)', tokens.colorInfo, tokens.colorInfoBg],
  ];

  it.each(pairs)('gives %s at least 4.5:1 contrast', (_, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('exists because antd’s own defaults do not reach 4.5:1', () => {
    expect(contrast(defaults.colorTextLightSolid, defaults.colorPrimary)).toBeLessThan(4.5);
    expect(contrast(defaults.colorTextDescription, defaults.colorBgContainer)).toBeLessThan(4.5);
    expect(contrast(defaults.colorSuccess, defaults.colorSuccessBg)).toBeLessThan(4.5);
    // antd's preset palettes, which the theme cannot reach: hence status colours on tags
    expect(contrast(defaults.green7, defaults.green1)).toBeLessThan(4.5);
    expect(contrast(defaults.gold7, defaults.gold1)).toBeLessThan(4.5);
  });

  it('sets colours only through tokens (no component CSS)', () => {
    expect(Object.keys(panelTheme(true))).toEqual(['token']);
    expect(panelTheme(true).token).toMatchObject(ACCESSIBLE_TOKENS);
  });

  it('leaves antd’s low-contrast preset palettes off every tag (status colours only)', () => {
    const sources = import.meta.glob<string>(['/src/**/*.tsx', '!/src/**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });
    // the presets whose 7th step is below 4.5:1 on their 1st (blue, geekblue, red, purple, magenta pass)
    const preset = /['"](green|gold|orange|volcano|lime|cyan|yellow)['"]/;
    const offenders = Object.entries(sources)
      .flatMap(([file, text]) => text.split('\n').map((line, index) => [file, index + 1, line] as const))
      .filter(([, , line]) => /Tag|COLORS/.test(line) && preset.test(line))
      .map(([file, line]) => `${file}:${line}`);
    expect(offenders).toEqual([]);
    expect(TAG_STATUS_COLORS).toContain('success');
  });
});
