import { BlockList, isIP } from 'node:net';
// Matching only: which entries are valid is contract/ip-entry.ts's rule, checked when a token is saved.

/** `1.2.3.4`, `::ffff:1.2.3.4` -> `1.2.3.4`; other addresses unchanged. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
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
