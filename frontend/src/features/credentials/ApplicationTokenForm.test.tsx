import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateTokenBody } from '../../api/types';
import i18n from '../../i18n';
import { aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server, TESSERA_TEST_APPLICATION } from '../../test/server';
import { TokenFormModal } from './TokenFormModal';

const DEPLOY_ID = '20000000-0000-4000-8000-000000000001';

/** The server answers descriptions in the language the panel asks for (Accept-Language). */
function serveApplications() {
  const languages: string[] = [];
  server.use(
    http.get('/api/applications', ({ request }) => {
      const language = request.headers.get('Accept-Language') ?? '';
      languages.push(language);
      const zh = language.startsWith('zh');
      return HttpResponse.json([
        TESSERA_TEST_APPLICATION,
        {
          id: DEPLOY_ID,
          slug: 'deploy-api',
          name: 'Deploy API',
          description: null,
          builtIn: false,
          scopes: [
            { scope: 'deploy:read', description: zh ? '查看部署' : 'List deployments', implies: [] },
            { scope: 'deploy:write', description: zh ? '发起部署' : 'Start deployments', implies: ['deploy:read'] },
          ],
        },
      ]);
    }),
  );
  return languages;
}

async function chooseApplication(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('combobox', { name: /^Application|^应用/ }));
  await user.click(await screen.findByTitle(name));
}

describe('the create form with applications', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en-US');
  });

  it('starts with Tessera API and its scope groups, then offers the chosen application\'s scopes with their descriptions', async () => {
    const user = userEvent.setup();
    serveApplications();
    let sent: CreateTokenBody | undefined;
    server.use(
      http.post('/api/users/me/api-tokens', async ({ request }) => {
        sent = (await request.json()) as CreateTokenBody;
        return HttpResponse.json({ ...aToken({ name: sent.name }), token: 'tsr_secret' }, { status: 201 });
      }),
    );
    const onCreated = vi.fn();
    renderWithProviders(<TokenFormModal target={{ kind: 'create' }} onCancel={vi.fn()} onCreated={onCreated} onUpdated={vi.fn()} />);

    expect(await screen.findByTitle('Tessera API')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Tokens' })).toBeInTheDocument();

    await chooseApplication(user, 'Deploy API');
    expect(await screen.findByText('Start deployments · also grants deploy:read')).toBeInTheDocument();
    expect(screen.getByText('List deployments')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Tokens' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'CI deployer');
    await user.click(screen.getByText('deploy:write'));
    await user.click(screen.getByText('No expiry'));
    await user.type(screen.getByLabelText(/^Quota(?! refill)/), '100');
    await user.type(screen.getByLabelText(/^Quota refill/), '50');
    await user.click(screen.getByRole('combobox', { name: 'Refill every' }));
    await user.click(await screen.findByTitle('Every week (Monday, UTC)'));
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(sent).toEqual({ name: 'CI deployer', applicationId: DEPLOY_ID, scopes: ['deploy:write'], quotaLimit: 100, quotaRefill: { amount: 50, interval: 'week' } });
  });

  it('needs a scope of the application and a refill no larger than the quota before it sends anything', async () => {
    const user = userEvent.setup();
    serveApplications();
    const create = vi.fn(() => HttpResponse.json({}));
    server.use(http.post('/api/users/me/api-tokens', create));
    renderWithProviders(<TokenFormModal target={{ kind: 'create' }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={vi.fn()} />);

    await chooseApplication(user, 'Deploy API');
    await user.type(screen.getByLabelText('Name'), 'x');
    await user.type(screen.getByLabelText(/^Quota(?! refill)/), '10');
    await user.type(screen.getByLabelText(/^Quota refill/), '11');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByText('Choose at least one scope.')).toBeInTheDocument();
    expect(await screen.findByText('Enter a whole number from 1 to 10 (the quota).')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('asks for the catalogue in the panel\'s language and shows the descriptions the server gives', async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage('zh-CN');
    const languages = serveApplications();
    renderWithProviders(<TokenFormModal target={{ kind: 'create' }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={vi.fn()} />);

    await chooseApplication(user, 'Deploy API');
    expect(await screen.findByText('发起部署 · 同时授予 deploy:read')).toBeInTheDocument();
    expect(languages).toContain('zh-CN');
  });

  it('shows the application of a token being edited, without letting it change', async () => {
    serveApplications();
    const token = aToken({ application: { id: DEPLOY_ID, slug: 'deploy-api', name: 'Deploy API' }, scopes: ['deploy:read'] });
    renderWithProviders(<TokenFormModal target={{ kind: 'edit', token }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={vi.fn()} />);

    expect(await screen.findByText('Deploy API')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Application' })).not.toBeInTheDocument();
    expect(await screen.findByText('List deployments')).toBeInTheDocument();
  });
});
