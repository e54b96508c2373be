import { BlockList, isIP } from 'node:net';
import type { ErrorFieldDetail } from '../contract';

/** `1.2.3.4`, `::ffff:1.2.3.4` -> `1.2.3.4`; other addresses unchanged. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

/** An entry is an IPv4 or IPv6 address, or a CIDR range `address/prefix` (0-32 or 0-128). */
export function ipEntryProblem(entry: string): string | null {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (extra !== undefined || family === 0) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${entry}" has a prefix length outside 0-${max}`;
  return null;
}

/** One 400 detail per bad entry, named `allowedIps.<index>`. */
export function allowedIpsProblems(entries: readonly string[]): ErrorFieldDetail[] {
  return entries.flatMap((entry, index) => {
    const problem = ipEntryProblem(entry);
    return problem ? [{ field: `allowedIps.${index}`, constraint: 'isIpOrCidr', message: problem }] : [];
  });
}

const lists = new Map<string, BlockList>();

function blockListOf(entries: readonly string[]): BlockList {
  const key = entries.join(',');
  let list = lists.get(key);
  if (list) return list;
  list = new BlockList();
  for (const entry of entries) {
    const [raw, prefix] = entry.split('/');
    const address = normalizeIp(raw);
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    // A v4-mapped v6 range (::ffff:10.0.0.0/104) is the v4 range of prefix - 96.
    const mappedV4 = address !== raw && prefix !== undefined;
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, mappedV4 ? Math.max(0, Number(prefix) - 96) : Number(prefix), family);
  }
  if (lists.size > 10_000) lists.clear();
  lists.set(key, list);
  return list;
}

/** Empty allowlist = anywhere. An unknown client address is never inside a non-empty list. */
export function ipAllowed(allowed: readonly string[], ip: string | null | undefined): boolean {
  if (allowed.length === 0) return true;
  if (!ip) return false;
  const address = normalizeIp(ip);
  const family = isIP(address);
  if (family === 0) return false;
  return blockListOf(allowed).check(address, family === 6 ? 'ipv6' : 'ipv4');
}
