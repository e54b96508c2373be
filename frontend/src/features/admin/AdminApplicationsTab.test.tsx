import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AdminApplication, User } from '../../api/types';
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
});
