import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInPathReturningTo } from './redirect';

describe('the ?redirect= after sign-in', () => {
  it('keeps same-app paths, with their query and hash', () => {
    expect(safeRedirectTarget('/settings/credentials/3f1c')).toBe('/settings/credentials/3f1c');
    expect(safeRedirectTarget('/settings/credentials?status=revoked#top')).toBe('/settings/credentials?status=revoked#top');
  });

  it('sends anything that could leave the app to the home page (no open redirect)', () => {
    for (const candidate of [null, '', 'settings', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', ' /settings']) {
      expect(safeRedirectTarget(candidate), String(candidate)).toBe('/');
    }
  });

  it('builds the sign-in link that comes back to the current page, encoded', () => {
    expect(signInPathReturningTo('/')).toBe('/sign-in');
    expect(signInPathReturningTo('/settings/credentials?page=2')).toBe('/sign-in?redirect=%2Fsettings%2Fcredentials%3Fpage%3D2');
    expect(safeRedirectTarget(new URLSearchParams(signInPathReturningTo('/settings/activity').split('?')[1]).get('redirect'))).toBe('/settings/activity');
  });
});
