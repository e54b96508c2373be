import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import i18n from '../../i18n';
import { aUser } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { rotationSentence } from './ActivityTab';

function anEvent(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: crypto.randomUUID(),
    type: 'token.created',
    tokenId: '11111111-1111-4111-8111-111111111111',
    tokenName: 'CI deploy',
    actorKind: 'session',
    actorTokenId: null,
    actorUserId: null,
    actorTokenPreview: null,
    actorSecretPreview: null,
    ip: '203.0.113.7',
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    details: {},
    ...overrides,
  };
}

describe('ActivityTab', () => {
  it('opens at /settings/activity and lists events with their label, actor, IP and time, page by page', async () => {
    const user = userEvent.setup();
    const pages: string[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.get('/api/users/me/audit-events', ({ request }) => {
        const page = new URL(request.url).searchParams.get('page') ?? '1';
        pages.push(page);
        const data =
          page === '1'
            ? [
                anEvent({ type: 'token.ip_refused', actorKind: 'token', actorTokenId: 'x', actorTokenPreview: 'tsr_Ab12…wxyz', ip: '198.51.100.9' }),
                anEvent({ type: 'token.rotated', details: { via: 'regenerate', gracePeriodSeconds: 0 } }),
              ]
            : [anEvent({ type: 'token.created', tokenName: 'Oldest token' })];
        return HttpResponse.json({ data, total: 21, page: Number(page), limit: 20, totalPages: 2 });
      }),
    );
    renderApp('/settings/activity', { sessionToken: 'jwt' });

    expect(await screen.findByText('Refused: IP not allowed')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Activity', selected: true })).toBeInTheDocument();
    const refusedRow = screen.getByText('Refused: IP not allowed').closest('tr') as HTMLElement;
    expect(within(refusedRow).getByText('tsr_Ab12…wxyz')).toBeInTheDocument();
    expect(within(refusedRow).getByText('198.51.100.9')).toBeInTheDocument();
    expect(within(refusedRow).getByText('5 minutes ago')).toBeInTheDocument();
    const rotatedRow = screen.getByText('Rotated').closest('tr') as HTMLElement;
    expect(within(rotatedRow).getByText('Secret regenerated; the old one stopped at once.')).toBeInTheDocument();
    expect(within(rotatedRow).queryByText('regenerate')).not.toBeInTheDocument();
    expect(within(rotatedRow).getByText('You (signed in)')).toBeInTheDocument();

    await user.click(screen.getByTitle('2'));
    expect(await screen.findByText('Oldest token')).toBeInTheDocument();
    expect(pages).toEqual(['1', '2']);
  });

  it('credits each token event to the secret it used: an old secret in a rotation’s grace is not shown as the new one', async () => {
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.get('/api/users/me/audit-events', () =>
        HttpResponse.json({
          data: [
            anEvent({ type: 'token.revoked', tokenName: 'by new', actorKind: 'token', actorTokenId: 'x', actorTokenPreview: 'tsr_New1…nnnn', actorSecretPreview: 'tsr_New1…nnnn' }),
            anEvent({ type: 'token.revoked', tokenName: 'by old', actorKind: 'token', actorTokenId: 'x', actorTokenPreview: 'tsr_New1…nnnn', actorSecretPreview: 'tsr_Old1…oooo' }),
            anEvent({ type: 'token.ip_refused', tokenName: 'recorded before', actorKind: 'token', actorTokenId: 'x', actorTokenPreview: 'tsr_New1…nnnn', actorSecretPreview: null }),
          ],
          total: 3,
          page: 1,
          limit: 20,
          totalPages: 1,
        }),
      ),
    );
    renderApp('/settings/activity', { sessionToken: 'jwt' });

    const rowOf = async (name: string) => (await screen.findByText(name, {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    const byOld = await rowOf('by old');
    expect(within(byOld).getByText('tsr_Old1…oooo')).toBeInTheDocument();
    expect(within(byOld).queryByText('tsr_New1…nnnn')).not.toBeInTheDocument();
    expect(within(byOld).getByText('with secret')).toBeInTheDocument();
    expect(within(await rowOf('by new')).getByText('tsr_New1…nnnn')).toBeInTheDocument();
    // An event from before the secret was recorded says only which secret is current, not that it was used.
    const before = await rowOf('recorded before');
    expect(within(before).getByText('current secret')).toBeInTheDocument();
    expect(within(before).queryByText('with secret')).not.toBeInTheDocument();
  });

  it('speaks Chinese when the panel does', async () => {
    await i18n.changeLanguage('zh-CN');
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.get('/api/users/me/audit-events', () =>
        HttpResponse.json({ data: [anEvent({ type: 'token.rotated_secret_reused' })], total: 1, page: 1, limit: 20, totalPages: 1 }),
      ),
    );
    renderApp('/settings/activity', { sessionToken: 'jwt' });

    expect(await screen.findByText('旧密钥被再次使用')).toBeInTheDocument();
    expect(screen.getByText('你（已登录）')).toBeInTheDocument();
  });

  it('names rotations in plain words with durations in the reader’s language', () => {
    const en = i18n.getFixedT('en-US');
    const zh = i18n.getFixedT('zh-CN');
    expect(rotationSentence({ via: 'rotate', gracePeriodSeconds: 6 * 86_400 }, en, 'en-US')).toBe('Secret rotated; the old one kept working for 6 days.');
    expect(rotationSentence({ via: 'rotate', gracePeriodSeconds: 6 * 86_400 }, zh, 'zh-CN')).toBe('已轮换密钥，旧密钥继续可用 6天。');
    expect(rotationSentence({ via: 'rotate', gracePeriodSeconds: 0 }, en, 'en-US')).toBe('Secret rotated; the old one stopped at once.');
    expect(rotationSentence({ via: 'self', gracePeriodSeconds: 3600 }, en, 'en-US')).toBe('The token rotated its own secret; the old one kept working for 1 hour.');
  });
});
