import type { UsagePoint } from '../../api/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server may leave out days without traffic; the chart wants every day, with zeros. */
export function fillMissingDays(points: readonly UsagePoint[], from: string, to: string): UsagePoint[] {
  const byDate = new Map(points.map((point) => [point.date, point]));
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [...points];
  const days: UsagePoint[] = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const date = new Date(time).toISOString().slice(0, 10);
    days.push(byDate.get(date) ?? { date, requests: 0, successes: 0, failures: 0, cost: 0 });
  }
  return days;
}
