import { Writable } from 'node:stream';

const LEVELS: Record<number, { name: string; color: number }> = {
  10: { name: 'TRACE', color: 90 },
  20: { name: 'DEBUG', color: 36 },
  30: { name: 'INFO', color: 32 },
  40: { name: 'WARN', color: 33 },
  50: { name: 'ERROR', color: 31 },
  60: { name: 'FATAL', color: 35 },
};

/** Fields every line has, or that are shown in their own place rather than as key=value. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']);

/**
 * One pino JSON line as a person reads it: `12:04:05.123 INFO  [Context] message k=v`, coloured
 * when `color`. A line that is not JSON is passed through as it is.
 */
export function formatLogLine(line: string, color = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (entry === null || typeof entry !== 'object') return line;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const level = LEVELS[Number(entry.level)] ?? { name: String(entry.level ?? 'LOG').toUpperCase(), color: 37 };
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const parts = [paint(90, time), paint(level.color, level.name.padEnd(5))];
  if (entry.context) parts.push(paint(33, `[${String(entry.context)}]`));
  parts.push(String(entry.msg ?? ''));
  if (typeof entry.responseTime === 'number') parts.push(paint(90, `${entry.responseTime} ms`));
  const extra = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (extra.length > 0) parts.push(paint(90, extra.join(' ')));
  const err = entry.err as { stack?: string } | undefined;
  return parts.filter(Boolean).join(' ') + (err?.stack ? `\n${err.stack}` : '');
}

/** A destination for pino that writes each JSON line through formatLogLine. */
export function humanLogStream(out: NodeJS.WritableStream, color = true): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) out.write(`${formatLogLine(line, color)}\n`);
      done();
    },
    final(done) {
      if (pending.trim()) out.write(`${formatLogLine(pending, color)}\n`);
      done();
    },
  });
}
