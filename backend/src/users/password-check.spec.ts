import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { User } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../auth/login-throttle';
import { InMemoryThrottleStore } from '../auth/throttle-store';
import type { AppConfig } from '../config/app-config';
import { PasswordCheck } from './password-check';
import type { PasswordHasher } from './password-hasher';

const config = { LOGIN_WINDOW_SECONDS: 60, LOGIN_MAX_ATTEMPTS_PER_IP: 1000, LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: 3 } as AppConfig;
const hasher = { verify: async (hash: string, password: string) => hash === `hash:${password}`, hash: async (password: string) => `hash:${password}` } as unknown as PasswordHasher;
const user = (id: string) => ({ id, passwordHash: 'hash:right' }) as User;

async function outcome(check: PasswordCheck, subject: User | null, password: string, typed = ''): Promise<string> {
  try {
    return (await check.matches(subject, password, '10.0.0.1', typed)).matches ? 'match' : 'no match';
  } catch (error) {
    return `${(error as { getStatus(): number }).getStatus()}`;
  }
}

describe('PasswordCheck', () => {
  it('counts every check against the account before hashing, and the right password starts afresh', async () => {
    const check = new PasswordCheck(hasher, new LoginThrottle(config, new InMemoryThrottleStore()));
    const ada = user('a1');
    expect([await outcome(check, ada, 'w1'), await outcome(check, ada, 'right'), await outcome(check, ada, 'w2'), await outcome(check, ada, 'w3'), await outcome(check, ada, 'w4')])
      .toEqual(['no match', 'match', 'no match', 'no match', 'no match']);
    expect(await outcome(check, ada, 'right')).toBe('429');
    // Another account is not affected.
    expect(await outcome(check, user('b2'), 'right')).toBe('match');
  });

  it('throttles guesses at an address nobody owns by the address', async () => {
    const check = new PasswordCheck(hasher, new LoginThrottle(config, new InMemoryThrottleStore()));
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await outcome(check, null, 'x', 'nobody@example.com')).toBe('no match');
    expect(await outcome(check, null, 'x', 'nobody@example.com')).toBe('429');
  });

  it('is the only place that verifies a password (a future re-authentication must use it too)', () => {
    const root = path.resolve(__dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
          const text = readFileSync(full, 'utf8');
          const relative = path.relative(root, full);
          if (relative === 'users/password-check.ts' || relative === 'users/password-hasher.ts') continue;
          if (/argon2/.test(text) || (/PasswordHasher/.test(text) && /\.verify\(/.test(text))) offenders.push(relative);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
