/**
 * A whole number of days, hours or minutes in the reader's language ("6 days", "6天"), through
 * Intl: no "6d" abbreviation that means nothing in Chinese.
 */
export function formatDuration(seconds: number, language: string): string {
  const [value, unit] =
    seconds % 86_400 === 0 && seconds > 0
      ? [seconds / 86_400, 'day']
      : seconds % 3600 === 0 && seconds > 0
        ? [seconds / 3600, 'hour']
        : seconds >= 60
          ? [Math.round(seconds / 60), 'minute']
          : [seconds, 'second'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
