/**
 * The panel's rules for real people (issue 18), one test each: focus on destructive
 * confirmations, the layout per screen width, "Limit reached", exact expiry, failed loads that
 * say so, and the detail drawer's own actions.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken, anErrorBody } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { CredentialsTab } from './CredentialsTab';
import { tokenListLayout } from './TokenTable';
import { exhaustedLimits, limitsBelowUsage } from './token-limits';

function renderTab(openTokenId: string | null = null) {
  return renderWithProviders(<CredentialsTab openTokenId={openTokenId} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />);
}

afterEach(() => {
  window.innerWidth = 1440;
});

describe('the Credentials tab for keyboard and screen-reader users', () => {
  it('opens a destructive confirmation with focus on Cancel, not on the red button', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    renderTab();

    const row = (await screen.findByText('CI deploy')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
    // Enter on the focused button cancels: nothing is revoked.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('the token list on each screen', () => {
  it('shows every column from 1200 px, hides last use and usage below, and cards below 768 px', () => {
    expect(tokenListLayout({ md: true, xl: true })).toEqual({ cards: false, showUsage: true });
    expect(tokenListLayout({ md: true, xl: false })).toEqual({ cards: false, showUsage: false });
    expect(tokenListLayout({ md: false, xl: false })).toEqual({ cards: true, showUsage: false });
  });

  it('drops the preview and created columns into the name cell and the drawer, so the rest fit a laptop', async () => {
    serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    renderTab();
    await screen.findByText('CI deploy');
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Name', 'Application', 'Scopes', 'Status', 'Expires', 'Last used', 'Usage', 'Actions']);
    expect(within(screen.getByText('CI deploy').closest('td')!).getByText('tsr_Ab12…x9Yz')).toBeInTheDocument();
  });

  it('shows tokens as cards on a 390 px phone, each action a 44 × 44 px button', async () => {
    window.innerWidth = 390;
    serveTokenList(aPage([aToken({ name: 'CI deploy', expiresAt: '2027-03-04T05:06:00.000Z' })]));
    renderTab();

    const card = await screen.findByRole('group', { name: 'CI deploy' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(within(card).getByText('Active')).toBeInTheDocument();
    expect(within(card).getByText('Tessera API')).toBeInTheDocument();
    expect(within(card).getByText('Expires')).toBeInTheDocument();
    expect(within(card).getByText('Last used')).toBeInTheDocument();
    for (const name of ['Details', 'Edit', 'Revoke', 'Delete']) {
      const button = within(card).getByRole('button', { name });
      expect(button.style.width).toBe('44px');
      expect(button.style.height).toBe('44px');
    }
  });
});

describe('saying exactly what is true', () => {
  it('shows the exact expiry date and time in the row, not only in a tooltip', async () => {
    serveTokenList(aPage([aToken({ name: 'CI deploy', expiresAt: '2027-03-04T05:06:00.000Z' })]));
    renderTab();
    const row = (await screen.findByText('CI deploy')).closest('tr')!;
    const exact = within(row).getByTestId('expiry-exact');
    expect(exact).toHaveAttribute('dateTime', '2027-03-04T05:06:00.000Z');
    expect(exact.textContent).toMatch(/Mar 4, 2027 \d{1,2}:06 [AP]M/);
  });

  it('marks an active token whose request limit or quota is used up as "Limit reached"', async () => {
    serveTokenList(
      aPage([
        aToken({ name: 'Spent', requestCount: 100, requestLimit: 100 }),
        aToken({ name: 'Quota gone', quotaUsed: 50, quotaLimit: 50 }),
        aToken({ name: 'Fine', requestCount: 99, requestLimit: 100 }),
      ]),
    );
    renderTab();
    const rowOf = async (name: string) => (await screen.findByText(name)).closest('tr')!;
    expect(within(await rowOf('Spent')).getByText('Limit reached')).toBeInTheDocument();
    expect(within(await rowOf('Quota gone')).getByText('Limit reached')).toBeInTheDocument();
    expect(within(await rowOf('Fine')).queryByText('Limit reached')).not.toBeInTheDocument();
    expect(exhaustedLimits({ requestCount: 3, requestLimit: 3, quotaUsed: 0, quotaLimit: null })).toEqual(['requests']);
    expect(limitsBelowUsage({ requestCount: 40, quotaUsed: 0 }, { requestLimit: 10 })).toEqual(['requests']);
    expect(limitsBelowUsage({ requestCount: 40, quotaUsed: 0 }, { requestLimit: 100 })).toEqual([]);
  });

  it('says the summary could not be loaded, with a retry, instead of showing zeros', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    let failing = true;
    server.use(
      http.get('/api/users/me/api-tokens/stats', () =>
        failing ? HttpResponse.json(anErrorBody(500, 'INTERNAL_ERROR'), { status: 500 }) : HttpResponse.json({ totalTokens: 1, activeTokens: 1, expiredTokens: 0, revokedTokens: 0, totalRequests: 7, successCount: 7, failureCount: 0, successRate: 1, totalCost: 7, avgCostPerRequest: 1, periodDays: 30 }),
      ),
    );
    renderTab();

    const alert = await screen.findByText('Usage statistics could not be loaded.');
    expect(screen.queryByText('Success rate')).not.toBeInTheDocument();
    failing = false;
    await user.click(within(alert.closest('.ant-alert')! as HTMLElement).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText('Success rate')).toBeInTheDocument());
  });
});

describe('the detail drawer', () => {
  it('carries the token’s own actions: edit, rotate, regenerate, revoke and delete', async () => {
    const token = aToken({ id: 'tok-1', name: 'CI deploy' });
    serveTokenList(aPage([token]));
    server.use(
      http.get('/api/users/me/api-tokens/tok-1', () => HttpResponse.json({ ...token, recentIps: [], retiredSecrets: [], usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 } })),
      http.get('/api/users/me/api-tokens/tok-1/usage', () => HttpResponse.json({ tokenId: 'tok-1', from: '2026-11-01', to: '2026-12-01', points: [] })),
    );
    renderTab('tok-1');

    // (antd's test build gives every element the id "test-id", so the drawer's own name is not usable here)
    const actions = await screen.findByRole('navigation', { name: 'Actions' });
    for (const name of ['Edit', 'Rotate', 'Regenerate', 'Revoke', 'Delete']) {
      expect(within(actions).getByRole('button', { name: new RegExp(name) })).toBeInTheDocument();
    }
  });
});
