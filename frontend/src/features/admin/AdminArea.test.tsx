import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AdminToken, AdminUser, User } from '../../api/types';
import i18n from '../../i18n';
import { aToken, anAdmin, aUser } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const aMember: User = { ...aUser, role: 'member' };
const page = <T,>(data: T[]) => ({ data, total: data.length, page: 1, limit: 20, totalPages: 1 });

function adminUser(overrides: Partial<AdminUser>): AdminUser {
  return {
    id: crypto.randomUUID(),
    username: 'grace',
    email: 'grace@example.com',
    role: 'member',
    status: 'active',
    disabledAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignInAt: null,
    lastActivityAt: null,
    tokenCount: 3,
    activeTokenCount: 2,
    ...overrides,
  };
}

function adminToken(name: string, owner = 'grace'): AdminToken {
  return { ...aToken({ name }), owner: { id: crypto.randomUUID(), username: owner, email: `${owner}@example.com` } };
}

// Each case renders the whole app (auth, router, antd tables): on a loaded machine the first answer can take a while.
describe('Administration area', { timeout: 60_000 }, () => {
  it('shows a member a 403 page at its URL and no way in from the account menu', async () => {
    const user = userEvent.setup();
    server.use(http.get('/api/users/me', () => HttpResponse.json(aMember)));
    renderApp('/admin/users', { sessionToken: 'jwt' });
    expect(await screen.findByText('The Administration area is for administrators only.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Users' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Account menu/ }));
    expect(await screen.findByText('Sign out')).toBeInTheDocument();
    expect(screen.queryByText('Administration')).not.toBeInTheDocument();
  });

  it('shows a phone its sections as a wrapping row of buttons, not an overflowing tab list', async () => {
    window.innerWidth = 390;
    try {
      const user = userEvent.setup();
      server.use(
        http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
        http.get('/api/admin/users', () => HttpResponse.json(page([adminUser({ username: 'grace' })]))),
        http.get('/api/admin/invites', () => HttpResponse.json(page([]))),
      );
      renderApp('/admin/users', { sessionToken: 'jwt' });
      const sections = await screen.findByRole('navigation', { name: 'Administration sections' }, { timeout: 20_000 });
      expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
      const names = within(sections).getAllByRole('button').map((button) => button.textContent);
      expect(names).toEqual(['Users', 'Tokens', 'Applications', 'Policy', 'Invitations', 'Usage']);
      expect(within(sections).getByRole('button', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
      expect(await screen.findByText('grace@example.com', {}, { timeout: 20_000 })).toBeInTheDocument();
      await user.click(within(sections).getByRole('button', { name: 'Invitations' }));
      await waitFor(() => expect(within(sections).getByRole('button', { name: 'Invitations' })).toHaveAttribute('aria-current', 'page'), { timeout: 20_000 });
    } finally {
      window.innerWidth = 1440;
    }
  });

  it('lists users for an admin and disables one after a confirmation', async () => {
    const user = userEvent.setup();
    const patched: unknown[] = [];
    const grace = adminUser({ username: 'grace' });
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/users', () => HttpResponse.json(page([adminUser({ id: anAdmin.id, username: 'ada', email: 'ada@example.com', role: 'admin' }), grace]))),
      http.patch('/api/admin/users/:id', async ({ request, params }) => {
        patched.push({ id: params.id, body: await request.json() });
        return HttpResponse.json({ ...grace, status: 'disabled' });
      }),
    );
    renderApp('/admin/users', { sessionToken: 'jwt' });
    const row = (await screen.findByText('grace@example.com', {}, { timeout: 20_000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('2 / 3')).toBeInTheDocument();
    // No buttons on the admin's own row: they cannot demote or disable themselves.
    const ownRow = screen.getByText('ada@example.com').closest('tr') as HTMLElement;
    expect(ownRow.querySelector('button')).toBeNull();
    await user.click(within(row).getByText('Disable').closest('button') as HTMLElement);
    const dialog = (await screen.findAllByText(/Disable grace\? Their sessions and tokens stop working at once/))[0].closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByText('OK').closest('button') as HTMLElement);
    await waitFor(() => expect(patched).toEqual([{ id: grace.id, body: { disabled: true } }]));
  });

  it('revokes the selected tokens after a confirmation that names how many', async () => {
    const user = userEvent.setup();
    const tokens = [adminToken('deploy'), adminToken('backup'), adminToken('nightly')];
    const revoked: unknown[] = [];
    const queries: string[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/api-tokens', ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json(page(tokens));
      }),
      http.post('/api/admin/api-tokens/revoke', async ({ request }) => {
        const body = (await request.json()) as { ids: string[] };
        revoked.push(body);
        return HttpResponse.json({ revoked: body.ids.length, alreadyRevoked: 0, data: [] });
      }),
    );
    renderApp('/admin/tokens', { sessionToken: 'jwt' });
    expect(await screen.findByText('deploy', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke selected (0)' })).toBeDisabled();
    // The rows can show while a second load (filters settling) still blurs the table, which takes
    // no clicks: wait until it has finished, as a person would.
    await waitFor(() => expect(document.querySelector('.ant-spin-blur')).toBeNull(), { timeout: 10_000 });
    await user.click(screen.getByRole('checkbox', { name: 'deploy' }));
    await user.click(screen.getByRole('checkbox', { name: 'nightly' }));
    await user.click(screen.getByRole('button', { name: 'Revoke selected (2)' }));
    expect((await screen.findAllByText('Revoke 2 token(s)?'))[0]).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revoke 2' }));
    await waitFor(() => expect(revoked).toEqual([{ ids: [tokens[0].id, tokens[2].id] }]));
    expect(await screen.findByText('Revoked 2 token(s)')).toBeInTheDocument();

    await user.type(screen.getByRole('spinbutton', { name: 'Unused for (days)' }), '90');
    await waitFor(() => expect(queries.at(-1)).toContain('idleDays=90'));
  });

  it('saves the policy form and refuses values outside the server limits before sending', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const policy = { maxTokenLifetimeDays: 365, allowNoExpiry: true, maxTokensPerUser: 100, expiryNoticeDays: 7, idleRevokeDays: null, signupMode: 'open' };
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/policy', () => HttpResponse.json(policy)),
      http.put('/api/admin/policy', async ({ request }) => {
        const body = await request.json();
        sent.push(body);
        return HttpResponse.json(body);
      }),
    );
    renderApp('/admin/policy', { sessionToken: 'jwt' });
    const lifetime = await screen.findByRole('spinbutton', { name: 'Longest token lifetime (days)' }, { timeout: 20_000 });
    await waitFor(() => expect(lifetime).toHaveValue('365'));
    await user.clear(lifetime);
    await user.type(lifetime, '99999');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Between 1 and 3650.')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.clear(lifetime);
    await user.type(lifetime, '90');
    await user.type(screen.getByRole('spinbutton', { name: 'Revoke tokens unused for (days)' }), '60');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(sent).toEqual([{ ...policy, maxTokenLifetimeDays: 90, idleRevokeDays: 60 }]));
  });

  it('creates an invitation and shows its code and link once', async () => {
    const user = userEvent.setup();
    const created = {
      id: crypto.randomUUID(), codePreview: 'inv_AbCd…wxyz', email: 'new@example.com', state: 'pending', expiresAt: '2030-01-01T00:00:00.000Z',
      usedAt: null, usedByUserId: null, createdBy: anAdmin.id, createdAt: new Date().toISOString(),
      code: 'inv_AbCdEfGhIjKlMnOpQrStwxyz', url: 'http://localhost/register?invite=inv_AbCdEfGhIjKlMnOpQrStwxyz',
    };
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/invites', () => HttpResponse.json(page(bodies.length ? [{ ...created, code: undefined, url: undefined }] : []))),
      http.post('/api/admin/invites', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    renderApp('/admin/invites', { sessionToken: 'jwt' });
    await user.type(await screen.findByLabelText('Email (optional)', {}, { timeout: 20_000 }), 'new@example.com');
    await user.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect(await screen.findByText('Copy the link now: the code is not shown again.')).toBeInTheDocument();
    expect(screen.getByTestId('invite-url')).toHaveTextContent(created.url);
    expect(bodies).toEqual([{ email: 'new@example.com', expiresInDays: 7 }]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('invite-code')).not.toBeInTheDocument());
    expect(await screen.findByText('inv_AbCd…wxyz')).toBeInTheDocument();
    expect(screen.queryByText(created.code)).not.toBeInTheDocument();
  });

  it('shows the usage chart and top lists, in zh-CN too', async () => {
    await i18n.changeLanguage('zh-CN');
    const series = Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, requests: i, succeeded: i, failed: 0, cost: i }));
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/usage', () =>
        HttpResponse.json({
          days: 30,
          series,
          totals: { day: '2026-11-01', requests: 435, succeeded: 435, failed: 0, cost: 435 },
          topTokens: [{ tokenId: 'x', name: 'deploy', tokenPreview: 'tsr_Ab12…x9Yz', owner: { id: 'o', username: 'grace', email: 'g@example.com' }, requests: 300 }],
          topUsers: [{ userId: 'o', username: 'grace', requests: 300 }],
        }),
      ),
    );
    renderApp('/admin/usage', { sessionToken: 'jwt' });
    expect(await screen.findByText('请求最多的令牌', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '用量', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '请求数' })).toBeInTheDocument();
    expect(screen.getByText('deploy')).toBeInTheDocument();
    await i18n.changeLanguage('en-US');
  });
});
