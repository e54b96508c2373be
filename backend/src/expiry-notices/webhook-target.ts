import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not point unless the operator allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS):
 * this host, private and link-local networks, CGNAT, and the unspecified addresses. Without this
 * a user could make the server POST into the network it runs in (OWASP API7, SSRF).
 */
const PRIVATE_NETWORKS = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE_NETWORKS.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mappedV4) return PRIVATE_NETWORKS.check(mappedV4, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE_NETWORKS.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL's host as an address when it is written as one (`[::1]` → `::1`), else null. */
function literalAddressOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : null;
}

export interface UrlProblem {
  /** `isUrl` (not an absolute http(s) URL) or `publicAddress` (points into a private network). */
  constraint: 'isUrl' | 'publicAddress';
  message: string;
}

const NOT_HTTP: UrlProblem = { constraint: 'isUrl', message: 'url must be an absolute http:// or https:// URL' };

/** Why this URL cannot be a webhook target (checked when it is saved), or null when it can. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return NOT_HTTP;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return NOT_HTTP;
  if (!allowPrivate) {
    const literal = literalAddressOf(url);
    if ((literal && isPrivateAddress(literal)) || url.hostname === 'localhost' || url.hostname.endsWith('.localhost')) {
      return {
        constraint: 'publicAddress',
        message: 'url points at a loopback or private address, which this server does not allow (WEBHOOK_ALLOW_PRIVATE_NETWORKS)',
      };
    }
  }
  return null;
}

export class PrivateAddressError extends Error {
  readonly code = 'PRIVATE_ADDRESS';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses private addresses. It runs at connect time on the
 * address actually used, so a host name that resolves (or re-resolves) into the private network
 * is caught too, not only a literal IP.
 */
export function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked || list.length === 0) {
      return callback(new PrivateAddressError(`${hostname} resolves to a loopback or private address`), []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    return callback(null, list[0].address, list[0].family);
  });
}
