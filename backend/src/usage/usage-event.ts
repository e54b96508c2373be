/** One PAT call, as the recorder sees it. */
export interface UsageEvent {
  tokenId: string;
  ip: string | null;
  at: Date;
  /** The call was answered with a status below 400. */
  success: boolean;
  /** Cost units charged to the token's quota (0 when the call was refused). */
  cost: number;
  /** The call was admitted and counts against `requestLimit`. */
  counted: boolean;
  /** Why it was refused (a refused call moves lastRefusedAt/Code, never lastUsedAt/Ip); null when admitted. */
  refusedCode?: string | null;
}

const DAY_MS = 86_400_000;
// The last day computed: almost every event falls on the same day as the one before it.
let lastDayStart = Number.NaN;
let lastDay = '';

/** `YYYY-MM-DD` of a moment, in UTC: the key of the daily rollup. */
export function utcDay(at: Date): string {
  const ms = at.getTime();
  if (ms >= lastDayStart && ms < lastDayStart + DAY_MS) return lastDay;
  const day = at.toISOString().slice(0, 10);
  lastDayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  lastDay = day;
  return day;
}
