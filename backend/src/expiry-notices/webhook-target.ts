import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not point unless the operator allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS):
 * this host, private and link-local networks, CGNAT, the unspecified addresses, multicast and
 * reserved space, and every IPv6 form that carries such an IPv4 address (IPv4-compatible
 * `::7f00:1`, IPv4-mapped `::ffff:…`, IPv4-translated `::ffff:0:…`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) or tunnels to one (Teredo `2001::/32`, local-use NAT64 `64:ff9b:1::/48`). Without
 * this a user could make the server POST into the network it runs in (OWASP API7, SSRF).
 * IPv4 written in decimal, octal or hex (`2130706433`, `0177.1`, `0x7f.1`) is normalised by the
 * URL parser before it gets here; `isPrivateAddress` sees only canonical addresses.
 */
const PRIVATE_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", including 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
] as const) {
  PRIVATE_V4.addSubnet(network, prefix, 'ipv4');
}
const PRIVATE_V6 = new BlockList();
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: a tunnel to an IPv4 host we cannot vet
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE_V6.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(raw: string): boolean {
  const address = raw.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return PRIVATE_V4.check(address, 'ipv4');
  if (family !== 6) return false;
  if (PRIVATE_V6.check(address, 'ipv6')) return true;
  const embedded = embeddedIpv4(ipv6Words(address));
  return embedded !== null && PRIVATE_V4.check(embedded, 'ipv4');
}

/** The eight 16-bit words of an IPv6 address (any spelling: `::`, a dotted IPv4 tail). */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - headWords.length - tailWords.length).fill('0');
  return [...headWords, ...fill, ...tailWords].map((word) => parseInt(word, 16));
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that embed one. */
function embeddedIpv4(words: number[]): string | null {
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zero = (from: number, to: number) => words.slice(from, to).every((word) => word === 0);
  if (zero(0, 6)) return v4(words[6], words[7]); // IPv4-compatible ::a.b.c.d
  if (zero(0, 5) && words[5] === 0xffff) return v4(words[6], words[7]); // IPv4-mapped
  if (zero(0, 4) && words[4] === 0xffff && words[5] === 0) return v4(words[6], words[7]); // IPv4-translated
  if (words[0] === 0x64 && words[1] === 0xff9b && zero(2, 6)) return v4(words[6], words[7]); // NAT64
  if (words[0] === 0x2002) return v4(words[1], words[2]); // 6to4
  return null;
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

/**
 * Why this URL cannot be a webhook target, or null when it can: checked when it is saved, and
 * again before every send (a URL saved while private networks were allowed is refused once the
 * operator turns that off).
 */
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
    const host = url.hostname.replace(/\.$/, '').toLowerCase();
    if ((literal && isPrivateAddress(literal)) || host === 'localhost' || host.endsWith('.localhost')) {
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
