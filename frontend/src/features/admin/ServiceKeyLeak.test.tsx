import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceKey, UndismissedServiceKeyLeak } from '../../api/types';
import i18n from '../../i18n';
import { anAdmin, deployApplication } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const DEPLOY = deployApplication;
const LEAK: UndismissedServiceKeyLeak = {
  serviceKeyId: '30000000-0000-4000-8000-000000000001',
  name: 'prod runner',
  keyPreview: 'tsk_Ab3d…9xYz',
  application: { id: DEPLOY.id, slug: DEPLOY.slug, name: DEPLOY.name },
  source: 'github (content)',
  url: 'https://github.com/octo/app/blob/main/.env',
  reportedAt: '2026-12-01T21:00:00Z',
};
const LEAKED_KEY: ServiceKey = {
  id: LEAK.serviceKeyId,
  applicationId: DEPLOY.id,
  name: 'prod runner',
  keyPreview: 'tsk_Ab3d…9xYz',
  state: 'revoked',
  revokedAt: '2026-12-01T21:00:00Z',
  revokedBy: 'leaked',
  leak: { source: 'github (content)', url: 'https://github.com/octo/app/blob/main/.env', reportedAt: '2026-12-01T21:00:00Z', dismissedAt: null },
  lastUsedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};
/** The machine is shared: give the panel time to load under load. */
const SLOW = { timeout: 10_000 };
const REVOKED_KEY: ServiceKey = { ...LEAKED_KEY, id: '30000000-0000-4000-8000-000000000002', name: 'old', revokedBy: 'admin', leak: null };

afterEach(() => i18n.changeLanguage('en-US'));

function serve(leaks: () => UndismissedServiceKeyLeak[], dismissed: string[] = []) {
  server.use(
    http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
    http.get('/api/admin/users', () => HttpResponse.json({ data: [], total: 0, page: 1, limit: 20 })),
    http.get('/api/admin/applications', () => HttpResponse.json([DEPLOY])),
    http.get('/api/admin/applications/:id/service-keys', () => HttpResponse.json([LEAKED_KEY, REVOKED_KEY])),
    http.get('/api/admin/service-key-leaks', () => HttpResponse.json(leaks())),
    http.post('/api/admin/service-key-leaks/:id/dismiss', ({ params }) => {
      dismissed.push(params.id as string);
      return new HttpResponse(null, { status: 204 });
    }),
  );
}

describe('Administration: leaked service keys', () => {
  it('names the key, its application and where it was found above every tab, opens its keys, and goes away once dismissed', async () => {
    const user = userEvent.setup();
    let leaks = [LEAK];
    const dismissed: string[] = [];
    serve(() => leaks, dismissed);
    renderApp('/admin/users', { sessionToken: 'jwt' });

    const banner = await screen.findByTestId(`service-key-leak-${LEAK.serviceKeyId}`, {}, SLOW);
    expect(within(banner).getByText('Service key “prod runner” of Deploy API was found in public and has been revoked')).toBeInTheDocument();
    expect(within(banner).getByText('github (content)')).toBeInTheDocument();
    expect(within(banner).getByRole('link', { name: LEAK.url! })).toHaveAttribute('href', LEAK.url);
    expect(within(banner).getByText('tsk_Ab3d…9xYz')).toBeInTheDocument();

    // The link opens the application's keys, where the leaked key says so.
    await user.click(within(banner).getByRole('button', { name: 'Open the application' }));
    const drawer = await screen.findByRole('dialog', {}, SLOW);
    expect(within(drawer).getByText('Service keys of Deploy API')).toBeInTheDocument();
    const leakedRow = (await within(drawer).findByText('prod runner', {}, SLOW)).closest('tr')!;
    expect(within(leakedRow).getByText('Revoked: leaked')).toBeInTheDocument();
    expect(within(leakedRow).getByRole('link', { name: LEAK.url! })).toBeInTheDocument();
    const revokedRow = within(drawer).getByText('old').closest('tr')!;
    expect(within(revokedRow).getByText('Revoked')).toBeInTheDocument();
    expect(within(revokedRow).queryByText('Revoked: leaked')).not.toBeInTheDocument();

    leaks = [];
    await user.click(within(banner).getByRole('button', { name: 'Dismiss for all admins' }));
    await waitFor(() => expect(screen.queryByTestId(`service-key-leak-${LEAK.serviceKeyId}`)).not.toBeInTheDocument(), SLOW);
    expect(dismissed).toEqual([LEAK.serviceKeyId]);
  });

  it('speaks Chinese in zh-CN, and ?keys= opens that application\'s keys', async () => {
    await i18n.changeLanguage('zh-CN');
    serve(() => [LEAK]);
    renderApp('/admin/applications?keys=' + DEPLOY.id, { sessionToken: 'jwt' });
    const banner = await screen.findByTestId(`service-key-leak-${LEAK.serviceKeyId}`, {}, SLOW);
    expect(within(banner).getByText('Deploy API 的服务密钥“prod runner”在公开场合被发现，已被吊销')).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: '为所有管理员关闭' })).toBeInTheDocument();
    const drawer = await screen.findByRole('dialog', {}, SLOW);
    expect(within(drawer).getByText('Deploy API 的服务密钥')).toBeInTheDocument();
    expect(await within(drawer).findByText('已吊销：泄露', {}, SLOW)).toBeInTheDocument();
  });
});
