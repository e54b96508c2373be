import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AdminApplication, ApplicationBody, ServiceKey, User } from '../../api/types';
import { aUser } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const anAdmin: User = { ...aUser, role: 'admin' };
const TESSERA: AdminApplication = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'tessera',
  name: 'Tessera API',
  description: null,
  builtIn: true,
  scopes: [{ scope: 'account:read', description: 'Read your profile', descriptionZh: null, implies: [] }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const DEPLOY: AdminApplication = { ...TESSERA, id: '20000000-0000-4000-8000-000000000001', slug: 'deploy-api', name: 'Deploy API', builtIn: false, scopes: [{ scope: 'deploy:read', description: 'List', descriptionZh: null, implies: [] }] };

describe('Administration: applications', () => {
  it('registers an application with a catalogue whose scope implies another, and locks the built-in one', async () => {
    const user = userEvent.setup();
    let sent: ApplicationBody | undefined;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA])),
      http.post('/api/admin/applications', async ({ request }) => {
        sent = (await request.json()) as ApplicationBody;
        return HttpResponse.json({ ...DEPLOY, ...sent }, { status: 201 });
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });

    const row = (await screen.findByText('Tessera API')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Built in')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Register application/ }));
    await user.type(await screen.findByLabelText('Name'), 'Deploy API');
    await user.type(screen.getByLabelText(/^Slug/), 'deploy-api');
    await user.type(screen.getByLabelText('Scope 1'), 'deploy:read');
    await user.type(screen.getByLabelText('Description of scope 1'), 'List deployments');
    await user.click(screen.getByRole('button', { name: 'Add scope' }));
    await user.type(screen.getByLabelText('Scope 2'), 'deploy:write');
    await user.type(screen.getByLabelText('Description of scope 2'), 'Start deployments');
    await user.type(screen.getByLabelText('Chinese description of scope 2'), '发起部署');
    await user.click(screen.getByRole('combobox', { name: 'Scopes implied by scope 2' }));
    await user.click(await screen.findByTitle('deploy:read'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      name: 'Deploy API',
      slug: 'deploy-api',
      description: null,
      scopes: [
        { scope: 'deploy:read', description: 'List deployments', descriptionZh: null, implies: [] },
        { scope: 'deploy:write', description: 'Start deployments', descriptionZh: '发起部署', implies: ['deploy:read'] },
      ],
    });
  });

  it('refuses a malformed scope in the editor before sending anything', async () => {
    const user = userEvent.setup();
    let posted = false;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA])),
      http.post('/api/admin/applications', () => {
        posted = true;
        return HttpResponse.json(DEPLOY, { status: 201 });
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    await user.click(await screen.findByRole('button', { name: /Register application/ }));
    await user.type(await screen.findByLabelText('Name'), 'Bad');
    await user.type(screen.getByLabelText(/^Slug/), 'bad-app');
    await user.type(screen.getByLabelText('Scope 1'), 'Deploy');
    await user.type(screen.getByLabelText('Description of scope 1'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/scopes\.0\.scope must be resource:action/)).toBeInTheDocument();
    expect(posted).toBe(false);
  });

  it('shows a new service key once and revokes a key after confirmation', async () => {
    const user = userEvent.setup();
    const keys: ServiceKey[] = [];
    let revoked = '';
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY])),
      http.get(`/api/admin/applications/${DEPLOY.id}/service-keys`, () => HttpResponse.json(keys)),
      http.post(`/api/admin/applications/${DEPLOY.id}/service-keys`, async ({ request }) => {
        const { name } = (await request.json()) as { name: string };
        const key: ServiceKey = { id: crypto.randomUUID(), applicationId: DEPLOY.id, name, keyPreview: 'tsk_Ab12…x9Yz', state: 'active', revokedAt: null, lastUsedAt: null, createdAt: '2026-01-01T00:00:00.000Z' };
        keys.push(key);
        return HttpResponse.json({ ...key, key: 'tsk_Ab12cdefghijklmnopqrstuvwxyz0123456x9Yz' }, { status: 201 });
      }),
      http.post(`/api/admin/applications/${DEPLOY.id}/service-keys/:keyId/revoke`, ({ params }) => {
        revoked = String(params.keyId);
        keys[0] = { ...keys[0], state: 'revoked', revokedAt: '2026-01-02T00:00:00.000Z' };
        return HttpResponse.json(keys[0]);
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });

    const row = (await screen.findByText('Deploy API')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Service keys' }));
    await user.type(await screen.findByLabelText('Key name'), 'production');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Copy this service key now: it will not be shown again.')).toBeInTheDocument();
    expect(screen.getByText('tsk_Ab12cdefghijklmnopqrstuvwxyz0123456x9Yz')).toBeInTheDocument();
    expect(await screen.findByText('tsk_Ab12…x9Yz')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog', { name: /Revoke the key production/ });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(revoked).toBe(keys[0].id));
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
  });
});
