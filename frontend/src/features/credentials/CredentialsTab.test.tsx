import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { CredentialsTab } from './CredentialsTab';

function renderTab() {
  return renderWithProviders(<CredentialsTab openTokenId={null} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />);
}

const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();

describe('CredentialsTab', () => {
  it('shows each token with its preview, scopes, state, limits and last use', async () => {
    serveTokenList(
      aPage([
        aToken({
          name: 'CI deploy',
          description: 'Pushes releases',
          scopes: ['tokens:write', 'usage:read'],
          expiresAt: soon,
          // The server flags it: 3 days is inside its EXPIRY_NOTICE_DAYS.
          expiringSoon: true,
          requestCount: 40,
          requestLimit: 100,
          lastUsedAt: new Date().toISOString(),
          lastUsedIp: '203.0.113.9',
        }),
        aToken({ name: 'Old laptop', state: 'expired', expiresAt: '2024-01-01T00:00:00.000Z' }),
        aToken({ name: 'Leaked', state: 'revoked', status: 'REVOKED' }),
      ]),
    );
    renderTab();

    const deployRow = (await screen.findByText('CI deploy')).closest('tr')!;
    expect(within(deployRow).getByText('Pushes releases')).toBeInTheDocument();
    expect(within(deployRow).getByText('tsr_Ab12…x9Yz')).toHaveClass('tessera-mono');
    expect(within(deployRow).getByText('tokens:write')).toBeInTheDocument();
    expect(within(deployRow).getByText('Active')).toBeInTheDocument();
    expect(within(deployRow).getByText('in 3 days')).toHaveClass('ant-typography-warning');
    expect(within(deployRow).getByText('203.0.113.9')).toBeInTheDocument();
    expect(within(deployRow).getByText('Requests: 40 / 100')).toBeInTheDocument();
    expect(within(deployRow).getByText('Quota: 0 (unlimited)')).toBeInTheDocument();
    expect(within(screen.getByText('Old laptop').closest('tr')!).getByText('Expired')).toBeInTheDocument();
    expect(within(screen.getByText('Leaked').closest('tr')!).getByText('Revoked')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Success rate').closest('.ant-card')).toHaveTextContent('95.0%'));
  });

  it('tags tokens that expire soon and counts them, over all pages, in a banner', async () => {
    serveTokenList(
      aPage(
        [
          aToken({ name: 'CI deploy', expiresAt: soon, expiringSoon: true }),
          aToken({ name: 'Long lived', expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(), expiringSoon: false }),
        ],
        { expiringSoonCount: 3 },
      ),
    );
    renderTab();

    const deployRow = (await screen.findByText('CI deploy')).closest('tr')!;
    expect(within(deployRow).getByText('Expires soon')).toBeInTheDocument();
    expect(within(screen.getByText('Long lived').closest('tr')!).queryByText('Expires soon')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Tokens expiring soon: 3.');
  });

  it('searches, filters by status, pages and sorts through the API', async () => {
    const user = userEvent.setup();
    const api = serveTokenList((url) =>
      aPage([aToken({ name: `Token on page ${url.searchParams.get('page')}` })], { total: 25, totalPages: 3 }),
    );
    renderTab();
    await screen.findByText('Token on page 1');
    expect(api.lastQuery()).toEqual({ page: '1', limit: '10', sort: 'createdAt', order: 'desc' });

    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'deploy{Enter}');
    await waitFor(() => expect(api.lastQuery()).toMatchObject({ search: 'deploy', page: '1' }));

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByTitle('Revoked'));
    await waitFor(() => expect(api.lastQuery()).toMatchObject({ search: 'deploy', status: 'revoked' }));

    await user.click(screen.getByTitle('2'));
    await screen.findByText('Token on page 2');
    expect(api.lastQuery()).toMatchObject({ page: '2', status: 'revoked' });

    await user.click(screen.getByText('Name', { selector: 'th *' }));
    await waitFor(() => expect(api.lastQuery()).toMatchObject({ sort: 'name', order: 'asc', page: '1' }));
    await user.click(screen.getByText('Name', { selector: 'th *' }));
    await waitFor(() => expect(api.lastQuery()).toMatchObject({ sort: 'name', order: 'desc' }));
  });

  it('invites a person without tokens to create the first one', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([]));
    renderTab();

    await user.click(await screen.findByRole('button', { name: /Create your first token/ }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('New personal access token');
  });

  it('revokes a token only after the person confirms', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI deploy' });
    serveTokenList(aPage([token]));
    const revoke = vi.fn(() => HttpResponse.json({ ...token, status: 'REVOKED', state: 'revoked' }));
    server.use(http.post(`/api/users/me/api-tokens/${token.id}/revoke`, revoke));
    renderTab();

    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke “CI deploy”?');
    expect(dialog).toHaveTextContent('Revoking is permanent');
    expect(revoke).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('“CI deploy” was revoked.')).toBeInTheDocument();
  });

  it('calls nothing when a revoke confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI deploy' });
    serveTokenList(aPage([token]));
    const revoke = vi.fn(() => HttpResponse.json(token));
    server.use(http.post(`/api/users/me/api-tokens/${token.id}/revoke`, revoke));
    renderTab();

    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(revoke).not.toHaveBeenCalled();
  });

  it('offers only restore on a deleted token and restores it after confirmation', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'Gone', state: 'deleted', deletedAt: '2025-02-01T00:00:00.000Z' });
    serveTokenList(aPage([token]));
    const restore = vi.fn(() => HttpResponse.json({ ...token, state: 'active', deletedAt: null }));
    server.use(http.post(`/api/users/me/api-tokens/${token.id}/restore`, restore));
    renderTab();

    const row = (await screen.findByText('Gone')).closest('tr')!;
    expect(within(row).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Restore' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(restore).toHaveBeenCalledTimes(1));
  });

  it('reveals a regenerated secret once and forgets it after "I have copied it"', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI deploy' });
    serveTokenList(aPage([token]));
    server.use(
      http.post(`/api/users/me/api-tokens/${token.id}/regenerate`, () =>
        HttpResponse.json({ ...token, token: 'tsr_NEWSECRETNEWSECRETNEWSECRETNEWS1a2b3c' }),
      ),
    );
    renderTab();

    await user.click(await screen.findByRole('button', { name: 'Regenerate' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('the old one, which stops working right now');
    await user.click(within(confirm).getByRole('button', { name: 'Regenerate' }));

    expect(await screen.findByText('tsr_NEWSECRETNEWSECRETNEWSECRETNEWS1a2b3c')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    // nothing was copied: it asks once
    await user.click(await screen.findByRole('button', { name: 'Close without copying' }));
    await waitFor(() => expect(screen.queryByText(/tsr_NEWSECRET/)).not.toBeInTheDocument());
  });
});
