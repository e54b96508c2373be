import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UndismissedLeak } from '../../api/types';
import i18n from '../../i18n';
import { aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { LeakBanner } from './LeakBanner';
import { LeakDetails } from './LeakDetails';
import { LeakedTag } from './LeakedTag';

function aLeak(overrides: Partial<UndismissedLeak> = {}): UndismissedLeak {
  return {
    tokenId: crypto.randomUUID(),
    tokenName: 'deploy bot',
    tokenPreview: 'tsr_Ab3d…9xYz',
    source: 'github (content)',
    url: 'https://github.com/octo/app/blob/main/.env',
    reportedAt: '2026-12-01T21:00:00Z',
    ...overrides,
  };
}

afterEach(() => i18n.changeLanguage('en-US'));

describe('LeakBanner', () => {
  it('names each leaked token and where it was found, links to it, and goes away once dismissed', async () => {
    const user = userEvent.setup();
    const leak = aLeak();
    let leaks = [leak, aLeak({ tokenName: 'old laptop', source: null, url: null })];
    const dismissed: string[] = [];
    server.use(
      http.get('/api/users/me/token-leaks', () => HttpResponse.json(leaks)),
      http.post('/api/users/me/api-tokens/:id/leak/dismiss', ({ params }) => {
        dismissed.push(params.id as string);
        leaks = leaks.filter((entry) => entry.tokenId !== params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const onOpenToken = vi.fn();
    renderWithProviders(<LeakBanner refreshKey={0} onOpenToken={onOpenToken} />);

    const banner = await screen.findByTestId(`leak-banner-${leak.tokenId}`);
    expect(within(banner).getByText('Token “deploy bot” was found in public and has been revoked')).toBeInTheDocument();
    expect(within(banner).getByText('github (content)')).toBeInTheDocument();
    expect(within(banner).getByRole('link', { name: leak.url! })).toHaveAttribute('href', leak.url);
    expect(within(banner).getByText('tsr_Ab3d…9xYz')).toBeInTheDocument();
    expect(screen.getByText('source not given')).toBeInTheDocument();

    await user.click(within(banner).getByRole('button', { name: 'Show token' }));
    expect(onOpenToken).toHaveBeenCalledWith(leak.tokenId);

    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId(`leak-banner-${leak.tokenId}`)).not.toBeInTheDocument());
    expect(dismissed).toEqual([leak.tokenId]);
    expect(screen.getByText('Token “old laptop” was found in public and has been revoked')).toBeInTheDocument();
  });

  it('shows nothing when no token leaked', async () => {
    let asked = false;
    server.use(http.get('/api/users/me/token-leaks', () => ((asked = true), HttpResponse.json([]))));
    const { container } = renderWithProviders(<LeakBanner refreshKey={0} onOpenToken={vi.fn()} />);
    await waitFor(() => expect(asked).toBe(true));
    expect(container.querySelector('[role="region"]')).toBeNull();
  });

  it('never turns a non-http URL into a link', async () => {
    server.use(http.get('/api/users/me/token-leaks', () => HttpResponse.json([aLeak({ source: 'chat', url: 'javascript:alert(1)' })])));
    renderWithProviders(<LeakBanner refreshKey={0} onOpenToken={vi.fn()} />);
    expect(await screen.findByText('chat')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('speaks Chinese when the panel does', async () => {
    await i18n.changeLanguage('zh-CN');
    server.use(http.get('/api/users/me/token-leaks', () => HttpResponse.json([aLeak()])));
    renderWithProviders(<LeakBanner refreshKey={0} onOpenToken={vi.fn()} />);
    expect(await screen.findByText('令牌“deploy bot”在公开场合被发现，已被吊销')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '查看令牌' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '关闭提示' })).toBeInTheDocument();
  });
});

describe('LeakedTag and LeakDetails', () => {
  it('tag a leaked token and say where and when it was found', () => {
    const token = aToken({
      state: 'revoked',
      revokedBy: 'leaked',
      leak: { source: 'public gist', url: 'https://gist.example.com/1', reportedAt: '2026-12-01T21:00:00Z', dismissedAt: null },
    });
    renderWithProviders(
      <>
        <LeakedTag token={token} />
        <LeakDetails leak={token.leak!} />
      </>,
    );
    expect(screen.getByText('Leaked')).toHaveAttribute('data-reason', 'leaked');
    expect(screen.getByText('Revoked because it was found in public')).toBeInTheDocument();
    expect(screen.getByText('public gist')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://gist.example.com/1' })).toBeInTheDocument();
    expect(screen.getByText(/^Reported: /)).toBeInTheDocument();
  });

  it('tag nothing for a token revoked by its owner', () => {
    const { container } = renderWithProviders(<LeakedTag token={aToken({ state: 'revoked', revokedBy: null })} />);
    expect(container.querySelector('[data-reason]')).toBeNull();
  });
});
