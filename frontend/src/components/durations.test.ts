import { describe, expect, it } from 'vitest';
import { formatDuration } from './durations';

describe('formatDuration', () => {
  it('names durations in words in each language, never "6d"', () => {
    expect(formatDuration(6 * 86_400, 'en-US')).toBe('6 days');
    expect(formatDuration(6 * 86_400, 'zh-CN')).toBe('6天');
    expect(formatDuration(3600, 'en-US')).toBe('1 hour');
    expect(formatDuration(3600, 'zh-CN')).toBe('1小时');
    expect(formatDuration(90, 'en-US')).toBe('2 minutes');
  });
});
