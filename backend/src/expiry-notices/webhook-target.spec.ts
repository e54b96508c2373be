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
