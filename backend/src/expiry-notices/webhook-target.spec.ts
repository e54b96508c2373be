import { describe, expect, it } from 'vitest';
import { isPrivateAddress, publicOnlyLookup, webhookUrlProblem } from './webhook-target';

describe('webhook targets', () => {
  it('knows loopback, private, link-local and CGNAT addresses, v4, v6 and v4-mapped', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('takes http and https URLs and refuses private literal hosts unless allowed', () => {
    expect(webhookUrlProblem('https://hooks.example.com/tessera?x=1', false)).toBeNull();
    expect(webhookUrlProblem('ftp://example.com/', false)?.constraint).toBe('isUrl');
    expect(webhookUrlProblem('not a url', false)?.constraint).toBe('isUrl');
    for (const url of ['http://127.0.0.1:8080/hook', 'http://[::1]/hook', 'http://localhost/hook', 'http://169.254.169.254/latest/meta-data']) {
      expect(webhookUrlProblem(url, false), url).toEqual({ constraint: 'publicAddress', message: expect.stringMatching(/private/) });
    }
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
  });

  it('refuses at connect time a host name that resolves into a private network', async () => {
    const error = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', {}, (failure) => resolve(failure)));
    expect(error?.message).toMatch(/private/);
  });
});

describe('every encoding of loopback and private space is private', () => {
  it('IPv6 forms that carry a private IPv4 address: compatible, mapped (any spelling), translated, NAT64, 6to4', () => {
    for (const address of [
      '::7f00:1', '::127.0.0.1', '::a00:1', // IPv4-compatible
      '::ffff:7f00:1', '::ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:1', '::FFFF:A9FE:A9FE', // IPv4-mapped, hex and dotted
      '::ffff:0:7f00:1', // IPv4-translated
      '64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '64:ff9b::a9fe:a9fe', // NAT64 of loopback, private, metadata
      '64:ff9b:1::1', // local-use NAT64
      '2002:7f00:1::', '2002:c0a8:101::1', // 6to4 of 127.0.0.1, 192.168.1.1
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      'fe80::1%eth0', '[::1]', 'fec0::1', 'ff02::1', '100::1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it('IPv4 reserved, multicast and broadcast space', () => {
    for (const address of ['224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1', '198.18.0.1', '192.0.0.1', '0.1.2.3']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it('public addresses, also in the IPv6 forms, stay public', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1', '2606:4700:4700::1111']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('URLs spelling loopback in decimal, octal, hex, short or bracketed forms are refused', () => {
    for (const url of [
      'http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.0.0.1/', 'http://0x7f000001/', 'http://127.1/', 'http://017700000001/',
      'http://[::7f00:1]/', 'http://[::ffff:127.0.0.1]/', 'http://[64:ff9b::127.0.0.1]/', 'http://[2002:7f00:1::]/',
      'http://0/', 'http://localhost./', 'http://LOCALHOST/', 'http://api.localhost/', 'http://169.254.169.254.//', 'http://[fe80::1]/',
      'http://10.0.0.1:8080/', 'http://0xa9.0xfe.0xa9.0xfe/',
    ]) {
      expect(webhookUrlProblem(url, false)?.constraint, url).toBe('publicAddress');
    }
    expect(webhookUrlProblem('http://[2606:4700:4700::1111]/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://8.8.8.8/hook', false)).toBeNull();
  });
});
