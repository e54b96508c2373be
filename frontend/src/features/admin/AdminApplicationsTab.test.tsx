import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anAdmin, deployApplication, tesseraApplication } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const TESSERA = tesseraApplication;
const DEPLOY = deployApplication;

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
