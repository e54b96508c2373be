import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatLogLine, humanLogStream } from './log-format';
import { defaultLogDestination } from './logging';

describe('human-readable logs', () => {
  const line = JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 1, 12, 4, 5, 123), pid: 1, hostname: 'h', context: 'Bootstrap', msg: 'Listening on :3000', port: 3000 });

  it('prints a pino line as time, level, context, message and the other fields', () => {
    expect(formatLogLine(line)).toBe('12:04:05.123 INFO  [Bootstrap] Listening on :3000 port=3000');
    expect(formatLogLine(line, true)).toContain('\u001b[32mINFO \u001b[0m');
    expect(formatLogLine('not json')).toBe('not json');
    const withError = JSON.stringify({ level: 50, time: 0, msg: 'boom', err: { stack: 'Error: boom\n    at x' } });
    expect(formatLogLine(withError)).toBe('00:00:00.000 ERROR boom\nError: boom\n    at x');
  });

  it('a stream that reassembles lines split across writes', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const stream = humanLogStream(out, false);
    stream.write(line.slice(0, 10));
    stream.write(`${line.slice(10)}\n${line}\n`);
    await new Promise((resolve) => stream.end(resolve));
    expect(text.trim().split('\n')).toEqual([formatLogLine(line), formatLogLine(line)]);
  });

  it('is chosen only when stdout is a terminal; JSON lines otherwise', () => {
    expect(defaultLogDestination({ isTTY: false } as NodeJS.WriteStream)).toBeUndefined();
    expect(defaultLogDestination({ isTTY: true, write: () => true } as unknown as NodeJS.WriteStream)).toBeDefined();
  });
});
