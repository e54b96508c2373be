import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { allowedIpsProblems, ipEntryProblem, ipEntryProblemKind, ipFamily } from './ip-entry';

const SAMPLES = [
  '1.2.3.4', '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3.04', '1.2.3', '1.2.3.4.5', ' 1.2.3.4', '1.2.3.4 ',
  '::', '::1', '::ffff:1.2.3.4', '2001:db8::', '2001:db8::1:2:3:4:5', '2001:db8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9', '1::2::3', 'fe80::1%eth0', 'gggg::1', '12345::1', '::ffff:256.1.1.1', '1:2:3:4:5:6:1.2.3.4',
  'example.com', '', '/', '10.0.0.0/8', '10.0.0.0/32', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/08',
  '10.0.0.0/8/1', '2001:db8::/32', '2001:db8::/128', '2001:db8::/129', '::/0', '0.0.0.0/0', '::ffff:10.0.0.0/104',
  '10.0.0.0/1234', 'localhost', '1.2.3.4/8 ',
];

describe('ip-entry (the one allowlist grammar)', () => {
  it('finds the same address family as node:net isIP', () => {
    for (const sample of SAMPLES) expect([sample, ipFamily(sample)]).toEqual([sample, isIP(sample)]);
  });

  it('names the problem of each refused entry', () => {
    expect(ipEntryProblem('10.0.0.0/8')).toBeNull();
    expect(ipEntryProblem('2001:db8::/129')).toMatch(/prefix length outside 0-128/);
    expect(ipEntryProblem('10.0.0.0/33')).toMatch(/outside 0-32/);
    expect(ipEntryProblem('10.0.0.0/8/1')).toMatch(/not an IP/);
    expect(ipEntryProblem('example.com')).toMatch(/not an IP/);
    expect(ipEntryProblem('10.0.0.0/-1')).toMatch(/prefix/);
    expect(allowedIpsProblems(['1.2.3.4', 'nope', '::/0']).map((detail) => detail.field)).toEqual(['allowedIps.1']);
    expect(ipEntryProblemKind('10.0.0.0/33')).toBe('prefixOutOfRange');
    expect(ipEntryProblemKind('example.com')).toBe('notAnIp');
  });
});
