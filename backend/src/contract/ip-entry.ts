// The one IP / CIDR grammar of token allowlists, in pure TypeScript: the API validates entries
// with it and the panel checks them before sending. `ip-entry.spec.ts` checks that it finds the
// same addresses as node:net isIP, which the allowlist matching (access/ip-allowlist.ts) uses.
import type { ErrorFieldDetail } from './error-codes';

const V4_SEG = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4 = `(?:${V4_SEG}\\.){3}${V4_SEG}`;
const V6_SEG = '(?:[0-9a-fA-F]{1,4})';
const IPV4_PATTERN = new RegExp(`^${V4}$`);
const IPV6_PATTERN = new RegExp(
  '^(?:' +
    `(?:${V6_SEG}:){7}(?:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){6}(?:${V4}|:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){5}(?::${V4}|(?::${V6_SEG}){1,2}|:)|` +
    `(?:${V6_SEG}:){4}(?:(?::${V6_SEG}){0,1}:${V4}|(?::${V6_SEG}){1,3}|:)|` +
    `(?:${V6_SEG}:){3}(?:(?::${V6_SEG}){0,2}:${V4}|(?::${V6_SEG}){1,4}|:)|` +
    `(?:${V6_SEG}:){2}(?:(?::${V6_SEG}){0,3}:${V4}|(?::${V6_SEG}){1,5}|:)|` +
    `(?:${V6_SEG}:){1}(?:(?::${V6_SEG}){0,4}:${V4}|(?::${V6_SEG}){1,6}|:)|` +
    `(?::(?:(?::${V6_SEG}){0,5}:${V4}|(?::${V6_SEG}){1,7}|:))` +
    ')(?:%[0-9a-zA-Z-.:]{1,})?$',
);

/** 4, 6, or 0 when the text is not an IP address (like node:net isIP). */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (IPV4_PATTERN.test(text)) return 4;
  if (IPV6_PATTERN.test(text)) return 6;
  return 0;
}

export type IpEntryProblem = 'notAnIp' | 'prefixOutOfRange';

/** An allowlist entry is an IPv4 or IPv6 address, or `address/prefix` (0-32 or 0-128); null when fine. */
export function ipEntryProblemKind(entry: string): IpEntryProblem | null {
  const [address, prefix, extra] = entry.split('/');
  const family = ipFamily(address ?? '');
  if (extra !== undefined || family === 0) return 'notAnIp';
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return 'prefixOutOfRange';
  return null;
}

/** The words for a refused entry (the API's 400 message). */
export function ipEntryProblem(entry: string): string | null {
  const kind = ipEntryProblemKind(entry);
  if (kind === null) return null;
  if (kind === 'notAnIp') return `"${entry}" is not an IP address or CIDR range`;
  return `"${entry}" has a prefix length outside 0-${ipFamily(entry.split('/')[0]) === 4 ? 32 : 128}`;
}

/** One 400 detail per bad entry, named `allowedIps.<index>`. */
export function allowedIpsProblems(entries: readonly string[]): ErrorFieldDetail[] {
  return entries.flatMap((entry, index) => {
    const problem = ipEntryProblem(entry);
    return problem ? [{ field: `allowedIps.${index}`, constraint: 'isIpOrCidr', message: problem }] : [];
  });
}
