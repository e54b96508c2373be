import { describe, expect, it } from 'vitest';
import { fillMissingDays } from './usage-series';

describe('fillMissingDays', () => {
  it('puts a zero day wherever the server sent no point', () => {
    const filled = fillMissingDays(
      [{ date: '2025-03-02', requests: 3, successes: 2, failures: 1, cost: 3 }],
      '2025-03-01T00:00:00.000Z',
      '2025-03-03T23:59:59.999Z',
    );
    expect(filled.map((point) => [point.date, point.requests])).toEqual([
      ['2025-03-01', 0],
      ['2025-03-02', 3],
      ['2025-03-03', 0],
    ]);
  });
});
