import { describe, expect, it } from 'vitest';
import { FLUSH_AT_EVENTS, UsageRecorder } from './usage-recorder';
import type { DailyUsageDelta, TokenUsageDelta, UsageRepository } from './usage.repository';

/** A repository whose writes fail while `down` is set, and that keeps what it was given otherwise. */
class FlakyRepository {
  down = false;
  attempts = 0;
  readonly requests = new Map<string, number>();
  readonly successes = new Map<string, number>();
  readonly recentIps: string[][] = [];

  async applyBatch(tokens: TokenUsageDelta[], days: DailyUsageDelta[]): Promise<void> {
    this.attempts += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.down) throw new Error('Connection terminated unexpectedly');
    for (const delta of tokens) this.recentIps.push([...(delta.recentIps?.keys() ?? [])]);
    for (const delta of tokens) this.requests.set(delta.tokenId, (this.requests.get(delta.tokenId) ?? 0) + delta.requestCount);
    for (const delta of days) this.successes.set(delta.tokenId, (this.successes.get(delta.tokenId) ?? 0) + delta.successes);
  }
}

const event = (tokenId: string, success = true) => ({ tokenId, ip: '127.0.0.1', at: new Date(), success, cost: 1, counted: true });

describe('UsageRecorder', () => {
  it('keeps every event through failed writes and writes them all once the database is back', async () => {
    const repository = new FlakyRepository();
    const recorder = new UsageRecorder(repository as unknown as UsageRepository);
    for (let index = 0; index < 10; index += 1) recorder.record(event('a'));
    await recorder.flush();
    expect(repository.requests.get('a')).toBe(10);

    repository.down = true;
    for (let index = 0; index < 7; index += 1) recorder.record(event('a', index % 2 === 0));
    await recorder.flush();
    await recorder.flush();
    expect(recorder.pending).toBe(7);
    recorder.record(event('b'));

    repository.down = false;
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(repository.requests.get('a')).toBe(17);
    expect(repository.successes.get('a')).toBe(10 + 4);
    expect(repository.requests.get('b')).toBe(1);
  });

  it('does not retry once per event while writes fail (no pile-up of queued writes)', async () => {
    const repository = new FlakyRepository();
    const recorder = new UsageRecorder(repository as unknown as UsageRepository);
    repository.down = true;
    // The size trigger fires once; the failed batch goes back and the next events must not re-fire it.
    for (let index = 0; index < FLUSH_AT_EVENTS * 4; index += 1) recorder.record(event('a'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(repository.attempts).toBe(1);
    expect(recorder.pending).toBe(FLUSH_AT_EVENTS * 4);

    repository.down = false;
    await recorder.flush();
    expect(repository.requests.get('a')).toBe(FLUSH_AT_EVENTS * 4);
    // Healthy again: the size trigger is back.
    for (let index = 0; index < FLUSH_AT_EVENTS; index += 1) recorder.record(event('a'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorder.pending).toBe(0);
    expect(repository.requests.get('a')).toBe(FLUSH_AT_EVENTS * 5);
  });

  it('hands each batch at most the 5 most recent distinct IPs of a token', async () => {
    const repository = new FlakyRepository();
    const recorder = new UsageRecorder(repository as unknown as UsageRepository);
    const start = Date.now();
    for (let index = 0; index < 8; index += 1) {
      recorder.record({ tokenId: 'a', ip: `10.0.0.${index}`, at: new Date(start + index), success: true, cost: 1, counted: true });
    }
    recorder.record({ tokenId: 'a', ip: '10.0.0.1', at: new Date(start + 100), success: true, cost: 1, counted: true });
    await recorder.flush();
    expect(repository.recentIps).toEqual([['10.0.0.1', '10.0.0.7', '10.0.0.6', '10.0.0.5', '10.0.0.4']]);
  });
});
