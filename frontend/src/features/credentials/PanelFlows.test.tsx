/** Flows people expect (issue 18): list state in the URL, debounced search, the banner's link, Duplicate, pre-filled create. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useLocation } from 'react-router-dom';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { CredentialsTab } from './CredentialsTab';
import { paramsFromQuery, prefillFromParams, queryFromParams } from './token-list-url';
import { scopesFromSelection } from './token-form-model';

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderTab(path = '/settings/credentials', openTokenId: string | null = null, onCloseToken = vi.fn()) {
  return renderWithProviders(
    <>
      <CredentialsTab openTokenId={openTokenId} onOpenToken={vi.fn()} onCloseToken={onCloseToken} />
      <Location />
    </>,
    path,
  );
}

describe('the list state in the URL', () => {
  it('reads sort, filter, search, page and the expiring filter from the URL and writes them back', () => {
    const query = queryFromParams(new URLSearchParams('q=ci&status=active&sort=name&order=asc&page=3&limit=20&expiring=7'));
    expect(query).toEqual({ page: 3, limit: 20, search: 'ci', status: 'active', sort: 'name', order: 'asc', expiringWithinDays: 7 });
    expect(paramsFromQuery(query).toString()).toBe('q=ci&status=active&expiring=7&sort=name&order=asc&page=3&limit=20');
    // nonsense falls back to the defaults, and the plain list has a plain URL
    // the application filter (issue 15) by id; anything but a UUID is ignored
    const app = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    expect(queryFromParams(new URLSearchParams(`app=${app}`)).applicationId).toBe(app);
    expect(paramsFromQuery({ ...queryFromParams(new URLSearchParams()), applicationId: app }).toString()).toBe(`app=${app}`);
    expect(queryFromParams(new URLSearchParams('app=deploy-api')).applicationId).toBeUndefined();
    const fallback = queryFromParams(new URLSearchParams('status=bogus&sort=hash&page=-2&limit=7&app=x'));
    expect(paramsFromQuery(fallback).toString()).toBe('');
  });

  it('asks the API for what the URL says', async () => {
    const asked: URLSearchParams[] = [];
    serveTokenList((url) => {
      asked.push(url.searchParams);
      return aPage([aToken({ name: 'CI deploy' })]);
    });
    renderTab('/settings/credentials?q=deploy&status=active&sort=name&order=asc&page=2');
    await screen.findByText('CI deploy');
    const last = asked.at(-1)!;
    expect(Object.fromEntries(last)).toMatchObject({ search: 'deploy', status: 'active', sort: 'name', order: 'asc', page: '2' });
  });

  it('searches as you type, once, after a pause', async () => {
    const user = userEvent.setup();
    const searches: (string | null)[] = [];
    serveTokenList((url) => {
      searches.push(url.searchParams.get('search'));
      return aPage([aToken({ name: 'CI deploy' })]);
    });
    renderTab();
    await screen.findByText('CI deploy');

    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'tokens:write');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('q=tokens%3Awrite'));
    await waitFor(() => expect(searches.filter((value) => value !== null)).toEqual(['tokens:write']));
  });

  it('links the expiring-soon banner to exactly those tokens', async () => {
    const user = userEvent.setup();
    const asked: (string | null)[] = [];
    serveTokenList((url) => {
      asked.push(url.searchParams.get('expiringWithinDays'));
      return aPage([aToken({ name: 'CI deploy', expiringSoon: true })], { expiringSoonCount: 1 });
    });
    renderTab();

    await user.click(await screen.findByRole('button', { name: 'Show them' }));
    await waitFor(() => expect(asked.at(-1)).toBe('7'));
    expect(screen.getByTestId('location')).toHaveTextContent('expiring=7');
    expect(await screen.findByText('Showing only active tokens that expire within 7 days.')).toBeInTheDocument();
  });
});

describe('creating from a link or a copy', () => {
  it('reads name, description, scopes and expiry from /settings/credentials/new?…, dropping unknown scopes', () => {
    const prefill = prefillFromParams(new URLSearchParams('name=CI%20deploy&scopes=account:read,tokens:write,admin:everything&expires=90d'));
    expect(prefill.name).toBe('CI deploy');
    expect(scopesFromSelection(prefill.scopes!)).toEqual(['account:read', 'tokens:write']);
    expect(prefill.expiryPreset).toBe('90d');
  });

  it('opens the create form pre-filled from the URL, and closing it leaves /new', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([]));
    const onCloseToken = vi.fn();
    renderTab('/settings/credentials/new?name=Nightly%20backup&scopes=account:read', 'new', onCloseToken);

    const form = await screen.findByRole('dialog');
    expect(within(form).getByLabelText('Name')).toHaveValue('Nightly backup');
    const account = within(form).getByRole('radiogroup', { name: /Account/ });
    expect(within(account).getByRole('radio', { name: 'Read' })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(onCloseToken).toHaveBeenCalled();
  });

  it('"Duplicate" opens the create form with the token’s settings', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([aToken({ name: 'CI deploy', description: 'Deploys', scopes: ['tokens:write'], requestLimit: 500 })]));
    renderTab();

    const row = (await screen.findByText('CI deploy')).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Duplicate' }));
    const form = await screen.findByRole('dialog');
    expect(within(form).getByRole('button', { name: 'Create token' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Name')).toHaveValue('CI deploy (copy)');
    expect(within(form).getByLabelText(/^Description/)).toHaveValue('Deploys');
    expect(within(form).getByLabelText(/^Request limit/)).toHaveValue('500');
    const tokens = within(form).getByRole('radiogroup', { name: /Tokens/ });
    expect(within(tokens).getByRole('radio', { name: 'Write' })).toBeChecked();
  });
});
