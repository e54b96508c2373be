import type { ErrorFieldDetail } from '../contract';
import { validationFailed } from '../common/app-exception';
import { MAX_REPORTED_TOKENS } from './dto/report-leak.dto';

/** One match in a GitHub secret scanning partner alert. */
export interface GithubAlertEntry {
  token: string;
  type: string;
  url: string | null;
  source: string | null;
}

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** Parses the (already verified) raw body: a JSON array of `{token, type, url, source}`; 400 naming the field otherwise. */
export function parseGithubAlert(rawBody: Buffer): GithubAlertEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw validationFailed([{ field: 'body', constraint: 'isJson', message: 'the body must be a JSON array' }]);
  }
  if (!Array.isArray(parsed) || parsed.length < 1 || parsed.length > MAX_REPORTED_TOKENS) {
    throw validationFailed([{ field: 'body', constraint: 'isArray', message: `the body must be an array of 1 to ${MAX_REPORTED_TOKENS} matches` }]);
  }
  const problems: ErrorFieldDetail[] = [];
  const entries = parsed.map((item: unknown, index): GithubAlertEntry => {
    const entry = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    if (!text(entry.token, 200)) problems.push({ field: `${index}.token`, constraint: 'isString', message: 'token must be a string of at most 200 characters' });
    if (!text(entry.type, 100)) problems.push({ field: `${index}.type`, constraint: 'isString', message: 'type must be a string of at most 100 characters' });
    for (const field of ['url', 'source'] as const) {
      if (entry[field] !== undefined && entry[field] !== null && !text(entry[field], field === 'url' ? 2048 : 200)) {
        problems.push({ field: `${index}.${field}`, constraint: 'isString', message: `${field} must be a string` });
      }
    }
    return { token: entry.token as string, type: entry.type as string, url: (entry.url as string) ?? null, source: (entry.source as string) ?? null };
  });
  if (problems.length > 0) throw validationFailed(problems.slice(0, 20));
  return entries;
}
