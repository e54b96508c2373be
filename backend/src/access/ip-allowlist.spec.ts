import { describe, expect, it } from 'vitest';
import { ipAllowed } from './ip-allowlist';

describe('IP allowlist', () => {
  it('allows anywhere when empty, and nothing unknown when not', () => {
    expect(ipAllowed([], '203.0.113.9')).toBe(true);
    expect(ipAllowed([], null)).toBe(true);
    expect(ipAllowed(['203.0.113.9'], null)).toBe(false);
    expect(ipAllowed(['203.0.113.9'], 'not-an-ip')).toBe(false);
  });

  it('matches single addresses and CIDR ranges, v4 and v6', () => {
    const list = ['203.0.113.9', '10.0.0.0/8', '2001:db8::/32', '::1'];
    expect(ipAllowed(list, '203.0.113.9')).toBe(true);
    expect(ipAllowed(list, '203.0.113.10')).toBe(false);
    expect(ipAllowed(list, '10.255.1.2')).toBe(true);
    expect(ipAllowed(list, '11.0.0.1')).toBe(false);
    expect(ipAllowed(list, '2001:db8:1::5')).toBe(true);
    expect(ipAllowed(list, '2001:db9::5')).toBe(false);
    expect(ipAllowed(list, '::1')).toBe(true);
  });

  it('treats an IPv4-mapped IPv6 client (::ffff:a.b.c.d) as its IPv4 address, and mapped entries alike', () => {
    expect(ipAllowed(['10.0.0.0/8'], '::ffff:10.1.2.3')).toBe(true);
    expect(ipAllowed(['127.0.0.1'], '::ffff:127.0.0.1')).toBe(true);
    expect(ipAllowed(['::ffff:192.168.0.0/112'], '192.168.7.7')).toBe(true);
    expect(ipAllowed(['::ffff:192.168.0.0/112'], '192.169.0.1')).toBe(false);
  });
});
