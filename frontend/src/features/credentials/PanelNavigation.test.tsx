/**
 * The last gaps of issue 18, one test each: focus comes back from the detail drawer, the search
 * box follows the URL on back/forward, phone cards sort like the table, and an expired token
 * offers Regenerate with a new expiry.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiToken, ApiTokenDetail } from '../../api/types';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { CredentialsTab } from './CredentialsTab';

const LONG = { timeout: 10_000 };
// A whole tab with its drawer and dialogs: slow in jsdom on a loaded 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  window.innerWidth = 1440;
});

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function History() {
  const navigate = useNavigate();
  return (
    <>
      <button type="button" onClick={() => navigate(-1)}>
        history back
      </button>
      <button type="button" onClick={() => navigate(1)}>
        history forward
      </button>
    </>
  );
}

function renderTab(path = '/settings/credentials') {
  return renderWithProviders(
    <>
      <CredentialsTab openTokenId={null} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />
      <History />
      <Location />
    </>,
    path,
  );
}

function serveDetail(token: ApiToken) {
  const detail: ApiTokenDetail = {
    ...token,
    recentIps: [],
    retiredSecrets: [],
    usageSummary: { totalRequests: 0, successCount: 0, failureCount: 0, successRate: 0, totalCost: 0, last7DaysRequests: 0, last30DaysRequests: 0 },
  };
  server.use(
    http.get(`/api/users/me/api-tokens/${token.id}`, () => HttpResponse.json(detail)),
    http.get(`/api/users/me/api-tokens/${token.id}/usage`, () =>
      HttpResponse.json({ tokenId: token.id, days: 30, from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z', points: [] }),
    ),
  );
}

/** The tab as the panel drives it: the open token is state the tab asks to change. */
function DrawerHarness({ initial = null }: { initial?: string | null }) {
  const [open, setOpen] = useState<string | null>(initial);
  return <CredentialsTab openTokenId={open} onOpenToken={setOpen} onCloseToken={() => setOpen(null)} />;
}

const detailsButtonOf = (name: string) =>
  [...document.querySelectorAll('tr')].find((row) => row.textContent?.includes(name))?.querySelector<HTMLElement>('[data-token-opener]') ?? null;

describe('the detail drawer and focus', () => {
  it('gives focus back to the row’s Details button when the drawer closes', async () => {
    const user = userEvent.setup();
    const first = aToken({ name: 'CI deploy' });
    const second = aToken({ name: 'nightly backup' });
    serveTokenList(aPage([first, second]));
    serveDetail(second);
    renderWithProviders(<DrawerHarness />);

    const row = (await screen.findByText('nightly backup', {}, LONG)).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Details' }));
    const actions = await screen.findByRole('navigation', { name: 'Actions' }, LONG);
    // Working in the drawer moves focus into it (a real browser also focuses the drawer on opening).
    within(actions).getByRole('button', { name: /Edit/ }).focus();
    expect(document.activeElement).not.toBe(detailsButtonOf('nightly backup'));
    await user.keyboard('{Escape}');

    await waitFor(() => expect(document.querySelector('nav[aria-label="Actions"]')).toBeNull(), LONG);
    await waitFor(() => expect(document.activeElement).toBe(detailsButtonOf('nightly backup')), LONG);
  });

  it('falls back to the row’s Details button when nothing had focus at the opening (a click on the name, a link)', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI deploy' });
    serveTokenList(aPage([token]));
    serveDetail(token);
    renderWithProviders(<DrawerHarness initial={token.id} />);

    await screen.findByRole('navigation', { name: 'Actions' }, LONG);
    await screen.findByText('CI deploy', { selector: 'tr *' }, LONG);
    await user.keyboard('{Escape}');

    await waitFor(() => expect(document.querySelector('nav[aria-label="Actions"]')).toBeNull(), LONG);
    await waitFor(() => expect(document.activeElement).toBe(detailsButtonOf('CI deploy')), LONG);
  });
});

describe('the search box and the browser history', () => {
  it('shows the query of the URL after back and forward', async () => {
    const user = userEvent.setup();
    const searches: (string | null)[] = [];
    serveTokenList((url) => {
      searches.push(url.searchParams.get('search'));
      return aPage([aToken({ name: 'CI deploy' })]);
    });
    renderTab('/settings/credentials?q=deploy');
    const box = await screen.findByRole('searchbox', { name: 'Search tokens' }, LONG);
    expect(box).toHaveValue('deploy');

    // One change, then Enter: typing key by key on a loaded machine may let the debounce search a prefix first.
    box.focus();
    fireEvent.change(box, { target: { value: 'nightly' } });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/settings/credentials?q=nightly'), LONG);

    await user.click(screen.getByRole('button', { name: 'history back' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/settings/credentials?q=deploy'), LONG);
    await waitFor(() => expect(box).toHaveValue('deploy'), LONG);

    await user.click(screen.getByRole('button', { name: 'history forward' }));
    await waitFor(() => expect(box).toHaveValue('nightly'), LONG);
    await waitFor(() => expect(searches.at(-1)).toBe('nightly'), LONG);
  });

  it('keeps what is being typed when its own search comes back through the URL', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    renderTab();
    const box = await screen.findByRole('searchbox', { name: 'Search tokens' }, LONG);
    await user.type(box, 'ci ');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/settings/credentials?q=ci'), LONG);
    expect(box).toHaveValue('ci ');
  });
});

describe('sorting the phone’s cards', () => {
  it('offers the table’s sortable columns each way, and keeps the choice in the URL like the table', async () => {
    window.innerWidth = 390;
    const user = userEvent.setup();
    const list = serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    renderTab('/settings/credentials?sort=expiresAt&order=asc');

    await screen.findByRole('group', { name: 'CI deploy' }, LONG);
    const sort = screen.getByRole('combobox', { name: 'Sort' });
    expect(within(sort.closest('.ant-select')! as HTMLElement).getByText('Expires, ascending')).toBeInTheDocument();

    await user.click(sort);
    await screen.findByTitle('Name, descending', {}, LONG);
    const options = [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title'));
    expect(options).toEqual([
      'Created, ascending',
      'Created, descending',
      'Name, ascending',
      'Name, descending',
      'Expires, ascending',
      'Expires, descending',
      'Last used, ascending',
      'Last used, descending',
      'Usage, ascending',
      'Usage, descending',
    ]);
    await user.click(await screen.findByTitle('Name, descending', {}, LONG));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/settings/credentials?sort=name'), LONG);
    await waitFor(() => expect(list.lastQuery()).toMatchObject({ sort: 'name', order: 'desc', page: '1' }), LONG);

    await user.click(screen.getByRole('combobox', { name: 'Sort' }));
    await user.click(await screen.findByTitle('Created, descending', {}, LONG));
    // The default order has a plain URL, as in the table.
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/settings/credentials'), LONG);
  });
});

describe('an expired token', () => {
  const expiredToken = () => aToken({ name: 'old deploy', state: 'expired', expiresAt: new Date(Date.now() - 86_400_000).toISOString() });

  it('offers Regenerate in its row, its card and its drawer (never Rotate)', async () => {
    const token = expiredToken();
    serveTokenList(aPage([token]));
    serveDetail(token);
    const { unmount } = renderTab();
    const row = (await screen.findByText('old deploy', {}, LONG)).closest('tr')!;
    expect(within(row).getByRole('button', { name: 'Regenerate' })).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Rotate' })).not.toBeInTheDocument();
    unmount();

    window.innerWidth = 390;
    const phone = renderTab();
    const card = await screen.findByRole('group', { name: 'old deploy' }, LONG);
    const button = within(card).getByRole('button', { name: 'Regenerate' });
    expect(button.style.height).toBe('44px');
    phone.unmount();

    window.innerWidth = 1440;
    renderWithProviders(<CredentialsTab openTokenId={token.id} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />);
    const actions = await screen.findByRole('navigation', { name: 'Actions' }, LONG);
    expect(within(actions).getByRole('button', { name: /Regenerate/ })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: /Rotate/ })).not.toBeInTheDocument();
  });

  it('regenerates with a new expiry and no grace period, and reveals the new secret', async () => {
    const user = userEvent.setup();
    const token = expiredToken();
    serveTokenList(aPage([token]));
    const sent = vi.fn();
    server.use(
      http.post(`/api/users/me/api-tokens/${token.id}/regenerate`, async ({ request }) => {
        sent(await request.json());
        return HttpResponse.json({ ...token, state: 'active', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), token: 'tsr_regenerated_secret' });
      }),
      http.post(`/api/users/me/api-tokens/${token.id}/rotate`, () => HttpResponse.json({}, { status: 500 })),
    );
    renderTab();
    const row = (await screen.findByText('old deploy', {}, LONG)).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Regenerate' }));

    const dialog = await screen.findByRole('dialog', {}, LONG);
    expect(within(dialog).getByText(/This token has expired/)).toBeInTheDocument();
    // No grace: it would make the expired secret work again. No "keep the current expiry" either.
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    const expiry = within(dialog).getByRole('combobox', { name: 'Expiry of the token' });
    await user.click(expiry);
    expect(screen.queryByTitle(/Keep the current expiry/)).not.toBeInTheDocument();
    await user.click(await screen.findByTitle('90 days', {}, LONG));
    await user.click(within(dialog).getByRole('button', { name: 'Regenerate' }));

    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1), LONG);
    const body = sent.mock.calls[0][0] as { expiresAt: string };
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    expect(await screen.findByText('tsr_regenerated_secret', {}, LONG)).toBeInTheDocument();
  });
});
