import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AdminApplication, ApplicationBody, ServiceKey } from '../../api/types';
import i18n from '../../i18n';
import { resources } from '../../i18n/resources';
import { anAdmin, deployApplication, tesseraApplication } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const TESSERA: AdminApplication = tesseraApplication;
// The shared fixture with a second scope that implies the first.
const DEPLOY: AdminApplication = {
  ...deployApplication,
  scopes: [
    { scope: 'deploy:read', description: 'List', descriptionZh: null, implies: [] },
    { scope: 'deploy:write', description: 'Deploy', descriptionZh: '发起部署', implies: ['deploy:read'] },
  ],
};

/*
 * Robust on a loaded 2-core machine (these cases timed out there before): every wait is generous,
 * text goes in with one change event per field instead of one keystroke at a time, and tables are
 * clicked only once antd's loading overlay (.ant-spin-blur) has gone.
 */
const WAIT = { timeout: 20_000 };

function fill(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}

async function tablesSettled(): Promise<void> {
  await waitFor(() => expect(document.querySelector('.ant-spin-blur')).toBeNull(), WAIT);
}

/** The row of the applications table that names `name`, once the table has loaded. */
async function rowOf(name: string): Promise<HTMLElement> {
  const cell = await screen.findByText(name, { selector: 'td *' }, WAIT);
  await tablesSettled();
  return cell.closest('tr') as HTMLElement;
}

/**
 * The dialog (modal, confirm or drawer) whose title shows `title`. Not by accessible name: antd
 * built in test mode gives every element the id "test-id", so aria-labelledby names nothing.
 */
async function dialogNamed(title: RegExp | string): Promise<HTMLElement> {
  // A confirm's title shows twice (the modal's own title and the confirm's).
  const [heading] = await screen.findAllByText(title, { selector: '.ant-modal-title, .ant-modal-confirm-title, .ant-drawer-title' }, WAIT);
  return heading.closest('.ant-modal, .ant-drawer') as HTMLElement;
}

/**
 * A button by its visible label or aria-label. Not *ByRole: with antd's CSS-in-JS styles in the
 * page, jsdom's getComputedStyle (which role queries call for every candidate) makes one role query
 * take many seconds of synchronous work, which no test timeout can interrupt.
 */
function buttonIn(container: HTMLElement, label: string | RegExp): HTMLElement {
  const labelled = within(container).queryAllByLabelText(label, { selector: 'button' });
  if (labelled.length > 0) return labelled[0];
  return within(container).getByText(label, { selector: 'button span' }).closest('button') as HTMLElement;
}

function noButtonIn(container: HTMLElement, label: string | RegExp): void {
  expect(within(container).queryAllByLabelText(label, { selector: 'button' })).toHaveLength(0);
  expect(within(container).queryAllByText(label, { selector: 'button span' })).toHaveLength(0);
}

function gone(title: string): void {
  expect(screen.queryAllByText(title, { selector: '.ant-modal-title, .ant-modal-confirm-title, .ant-drawer-title' })).toHaveLength(0);
}

const errorBody = (status: number, code: string, message: string, details?: unknown[]) => HttpResponse.json({ statusCode: status, error: 'Error', code, message, ...(details ? { details } : {}) }, { status });

describe('Administration: applications', { timeout: 90_000 }, () => {
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
    await rowOf('Tessera API');
    await user.click(buttonIn(document.body, /Register application/));
    const dialog = await dialogNamed('Register an application');
    fill(within(dialog).getByLabelText('Name'), 'Bad');
    fill(within(dialog).getByLabelText(/^Slug/), 'bad-app');
    fill(within(dialog).getByLabelText('Scope 1'), 'Deploy');
    fill(within(dialog).getByLabelText('Description of scope 1'), 'x');
    await user.click(buttonIn(dialog, 'Save'));
    expect(await screen.findByText(/scopes\.0\.scope must be resource:action/, {}, WAIT)).toBeInTheDocument();
    expect(posted).toBe(false);
  });

  it('registers an application whose second scope implies the first, and shows the built-in one locked', async () => {
    const user = userEvent.setup();
    const apps: AdminApplication[] = [TESSERA];
    let sent: ApplicationBody | undefined;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json(apps)),
      http.post('/api/admin/applications', async ({ request }) => {
        sent = (await request.json()) as ApplicationBody;
        apps.push({ ...DEPLOY, ...sent, scopes: sent.scopes.map((scope) => ({ ...scope, descriptionZh: scope.descriptionZh ?? null, implies: scope.implies ?? [] })) });
        return HttpResponse.json(apps.at(-1), { status: 201 });
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });

    const builtIn = await rowOf('Tessera API');
    expect(within(builtIn).getByText('Built in')).toBeInTheDocument();
    noButtonIn(builtIn, 'Edit');
    noButtonIn(builtIn, /^Delete/);

    await user.click(buttonIn(document.body, /Register application/));
    const dialog = await dialogNamed('Register an application');
    fill(within(dialog).getByLabelText('Name'), 'Deploy API');
    fill(within(dialog).getByLabelText(/^Slug/), 'deploy-api');
    fill(within(dialog).getByLabelText('Scope 1'), 'deploy:read');
    fill(within(dialog).getByLabelText('Description of scope 1'), 'List deployments');
    await user.click(buttonIn(dialog, 'Add scope'));
    fill(await within(dialog).findByLabelText('Scope 2', {}, WAIT), 'deploy:write');
    fill(within(dialog).getByLabelText('Description of scope 2'), 'Start deployments');
    fill(within(dialog).getByLabelText('Chinese description of scope 2'), '发起部署');
    // The implies list offers the other scopes of this catalogue, as typed so far.
    await user.click(within(dialog).getByLabelText('Scopes implied by scope 2'));
    await user.click(await screen.findByTitle('deploy:read', {}, WAIT));
    await user.click(buttonIn(dialog, 'Save'));

    await waitFor(() => expect(sent).toBeDefined(), WAIT);
    expect(sent).toEqual({
      name: 'Deploy API',
      slug: 'deploy-api',
      description: null,
      scopes: [
        { scope: 'deploy:read', description: 'List deployments', descriptionZh: null, implies: [] },
        { scope: 'deploy:write', description: 'Start deployments', descriptionZh: '发起部署', implies: ['deploy:read'] },
      ],
    });
    // Saved: the dialog closes and the list shows the new application with its scopes.
    await waitFor(() => gone('Register an application'), WAIT);
    const row = await rowOf('Deploy API');
    expect(within(row).getByText('deploy:write')).toBeInTheDocument();
    expect(buttonIn(row, 'Edit')).toBeInTheDocument();
  });

  it('shows the server\'s 409 and 400 answers in the editor, in the user\'s language, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const answers = [
      errorBody(409, 'CONFLICT', 'That slug is taken', [{ field: 'slug', constraint: 'unique', message: 'slug is already taken' }]),
      errorBody(400, 'VALIDATION_FAILED', 'Validation failed', [{ field: 'name', constraint: 'maxLength', message: 'name is too long' }]),
    ];
    let calls = 0;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY])),
      http.post('/api/admin/applications', () => answers[calls++]),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    await rowOf('Deploy API');
    await user.click(buttonIn(document.body, /Register application/));
    const dialog = await dialogNamed('Register an application');
    fill(within(dialog).getByLabelText('Name'), 'Deploy again');
    fill(within(dialog).getByLabelText(/^Slug/), 'deploy-api');
    fill(within(dialog).getByLabelText('Scope 1'), 'deploy:read');
    fill(within(dialog).getByLabelText('Description of scope 1'), 'List');
    await user.click(buttonIn(dialog, 'Save'));
    expect(await within(dialog).findByText('That is already taken.', {}, WAIT)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Slug/)).toHaveValue('deploy-api');

    await user.click(buttonIn(dialog, 'Save'));
    expect(await within(dialog).findByText('Some fields are not valid. Check them and try again.', {}, WAIT)).toBeInTheDocument();
    expect(within(dialog).queryByText('That is already taken.')).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Deploy again');
    expect(calls).toBe(2);

    // In Chinese the same answer reads in Chinese: the words come from the panel, not the server.
    await i18n.changeLanguage('zh-CN');
    expect(await within(dialog).findByText(resources['zh-CN'].translation.errors.VALIDATION_FAILED, {}, WAIT)).toBeInTheDocument();
    expect(within(dialog).queryByText('Validation failed')).not.toBeInTheDocument();
  });

  it('removing a scope that live tokens hold asks first (409 SCOPE_IN_USE naming how many), then sends force=true', async () => {
    const user = userEvent.setup();
    const patches: { force: string | null; body: ApplicationBody }[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY])),
      http.patch(`/api/admin/applications/${DEPLOY.id}`, async ({ request }) => {
        const force = new URL(request.url).searchParams.get('force');
        const body = (await request.json()) as ApplicationBody;
        patches.push({ force, body });
        if (force !== 'true') {
          return errorBody(409, 'SCOPE_IN_USE', '3 live token(s) hold deploy:write; send ?force=true to remove the scopes from them', [{ field: 'scopes', constraint: 'inUse', message: '3 live token(s) hold deploy:write', count: 3 }]);
        }
        return HttpResponse.json({ ...DEPLOY, scopes: DEPLOY.scopes.slice(0, 1) });
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    const row = await rowOf('Deploy API');
    await user.click(buttonIn(row, 'Edit'));
    const dialog = await dialogNamed('Edit Deploy API');
    expect(within(dialog).getByLabelText('Scope 2')).toHaveValue('deploy:write');
    await user.click(buttonIn(dialog, 'Remove scope 2'));
    await waitFor(() => expect(within(dialog).queryByLabelText('Scope 2')).not.toBeInTheDocument(), WAIT);
    await user.click(buttonIn(dialog, 'Save'));

    const confirm = await dialogNamed('Tokens hold the scopes you remove');
    // The panel's words with the server's count, not its English message (which zh-CN users would see otherwise).
    expect(within(confirm).getByText('3 live token(s) hold the scopes you remove. Remove them anyway to take the scopes away from those tokens.')).toBeInTheDocument();
    expect(within(confirm).queryByText(/send \?force=true/)).not.toBeInTheDocument();
    expect(patches).toHaveLength(1);
    expect(patches[0]).toEqual({ force: null, body: { name: 'Deploy API', description: null, scopes: [{ scope: 'deploy:read', description: 'List', descriptionZh: null, implies: [] }] } });

    await user.click(buttonIn(confirm, 'Remove from those tokens'));
    await waitFor(() => expect(patches).toHaveLength(2), WAIT);
    expect(patches[1]).toEqual({ force: 'true', body: patches[0].body });
    await waitFor(() => gone('Edit Deploy API'), WAIT);
  });

  it('cancelling the SCOPE_IN_USE question sends nothing more and leaves the editor open', async () => {
    const user = userEvent.setup();
    let patches = 0;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY])),
      http.patch(`/api/admin/applications/${DEPLOY.id}`, () => {
        patches++;
        return errorBody(409, 'SCOPE_IN_USE', '1 live token(s) hold deploy:write; send ?force=true to remove the scopes from them');
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    await user.click(buttonIn(await rowOf('Deploy API'), 'Edit'));
    const dialog = await dialogNamed('Edit Deploy API');
    await user.click(buttonIn(dialog, 'Remove scope 2'));
    await user.click(buttonIn(dialog, 'Save'));
    const confirm = await dialogNamed('Tokens hold the scopes you remove');
    // An answer without a count (an older server) still gets the panel's own words.
    expect(within(confirm).getByText(resources['en-US'].translation.errors.SCOPE_IN_USE)).toBeInTheDocument();
    await user.click(buttonIn(confirm, 'Cancel'));
    await waitFor(() => gone('Tokens hold the scopes you remove'), WAIT);
    expect(patches).toBe(1);
    expect(await dialogNamed('Edit Deploy API')).toBeInTheDocument();
  });

  it('deleting an application asks once, and when live tokens belong to it asks again naming how many, before force=true', async () => {
    const user = userEvent.setup();
    const deletes: (string | null)[] = [];
    let apps: AdminApplication[] = [TESSERA, DEPLOY];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json(apps)),
      http.delete(`/api/admin/applications/${DEPLOY.id}`, ({ request }) => {
        const force = new URL(request.url).searchParams.get('force');
        deletes.push(force);
        if (force !== 'true') {
          return errorBody(409, 'SCOPE_IN_USE', '2 live token(s) belong to this application; send ?force=true to delete it and revoke them', [{ field: 'id', constraint: 'inUse', message: '2 live token(s)', count: 2 }]);
        }
        apps = [TESSERA];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    await user.click(buttonIn(await rowOf('Deploy API'), 'Delete Deploy API'));
    await user.click(buttonIn(await dialogNamed('Delete Deploy API?'), 'Delete'));

    const second = await dialogNamed('Tokens belong to Deploy API');
    expect(within(second).getByText('2 live token(s) belong to Deploy API. Deleting it revokes them at once; scripts that use them stop working.')).toBeInTheDocument();
    expect(within(second).queryByText(/send \?force=true/)).not.toBeInTheDocument();
    expect(deletes).toEqual([null]);

    await user.click(buttonIn(second, 'Delete and revoke'));
    await waitFor(() => expect(deletes).toEqual([null, 'true']), WAIT);
    await waitFor(() => expect(screen.queryByText('Deploy API', { selector: 'td *' })).not.toBeInTheDocument(), WAIT);
  });

  it('deleting an application no token belongs to takes one confirmation; cancelling the second question deletes nothing', async () => {
    const user = userEvent.setup();
    const deletes: (string | null)[] = [];
    const EMPTY: AdminApplication = { ...DEPLOY, id: '00000000-0000-4000-8000-0000000000e1', slug: 'empty-api', name: 'Empty API' };
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY, EMPTY])),
      http.delete(`/api/admin/applications/${EMPTY.id}`, ({ request }) => {
        deletes.push(`empty:${new URL(request.url).searchParams.get('force')}`);
        return new HttpResponse(null, { status: 204 });
      }),
      http.delete(`/api/admin/applications/${DEPLOY.id}`, ({ request }) => {
        deletes.push(`deploy:${new URL(request.url).searchParams.get('force')}`);
        return errorBody(409, 'SCOPE_IN_USE', '1 live token(s) belong to this application; send ?force=true to delete it and revoke them', [{ field: 'id', constraint: 'inUse', message: '1 live token(s)', count: 1 }]);
      }),
    );
    await i18n.changeLanguage('zh-CN');
    renderApp('/admin/applications', { sessionToken: 'jwt' });
    const zh = resources['zh-CN'].translation.administration.applications;
    await user.click(buttonIn(await rowOf('Empty API'), zh.delete.replace('{{name}}', 'Empty API')));
    await user.click(buttonIn(await dialogNamed(zh.confirmDelete.replace('{{name}}', 'Empty API')), /^删\s*除$/));
    await waitFor(() => expect(deletes).toEqual(['empty:null']), WAIT);

    await user.click(buttonIn(await rowOf('Deploy API'), zh.delete.replace('{{name}}', 'Deploy API')));
    await user.click(buttonIn(await dialogNamed(zh.confirmDelete.replace('{{name}}', 'Deploy API')), /^删\s*除$/));
    const second = await dialogNamed(zh.tokensBelong.replace('{{name}}', 'Deploy API'));
    expect(within(second).getByText(zh.tokensBelongCount.replace('{{count}}', '1').replace('{{name}}', 'Deploy API'))).toBeInTheDocument();
    await user.click(buttonIn(second, /^取\s*消$/));
    await waitFor(() => gone(zh.tokensBelong.replace('{{name}}', 'Deploy API')), WAIT);
    expect(deletes).toEqual(['empty:null', 'deploy:null']);
  });

  it('shows a new service key once, lists only its preview, and revokes a key after a confirmation', async () => {
    const user = userEvent.setup();
    const secret = 'tsk_Ab12cdefghijklmnopqrstuvwxyz0123456x9Yz';
    const keys: ServiceKey[] = [];
    const revoked: string[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(anAdmin)),
      http.get('/api/admin/applications', () => HttpResponse.json([TESSERA, DEPLOY])),
      http.get(`/api/admin/applications/${DEPLOY.id}/service-keys`, () => HttpResponse.json(keys)),
      http.post(`/api/admin/applications/${DEPLOY.id}/service-keys`, async ({ request }) => {
        const { name } = (await request.json()) as { name: string };
        const key: ServiceKey = { id: crypto.randomUUID(), applicationId: DEPLOY.id, name, keyPreview: 'tsk_Ab12…x9Yz', state: 'active', revokedAt: null, revokedBy: null, leak: null, lastUsedAt: null, createdAt: '2026-01-01T00:00:00.000Z' };
        keys.push(key);
        return HttpResponse.json({ ...key, key: secret }, { status: 201 });
      }),
      http.post(`/api/admin/applications/${DEPLOY.id}/service-keys/:keyId/revoke`, ({ params }) => {
        revoked.push(String(params.keyId));
        keys[0] = { ...keys[0], state: 'revoked', revokedAt: '2026-01-02T00:00:00.000Z', revokedBy: 'admin' };
        return HttpResponse.json(keys[0]);
      }),
    );
    renderApp('/admin/applications', { sessionToken: 'jwt' });

    await user.click(buttonIn(await rowOf('Deploy API'), 'Service keys'));
    const drawer = await dialogNamed('Service keys of Deploy API');
    const create = buttonIn(drawer, 'Create key');
    expect(create).toBeDisabled();
    fill(within(drawer).getByLabelText('Key name'), 'production');
    await user.click(create);
    const shown = await waitFor(() => {
      const alert = drawer.querySelector<HTMLElement>('[role="status"]');
      if (!alert) throw new Error('no key shown yet');
      return alert;
    }, WAIT);
    expect(within(shown).getByText('Copy this service key now: it will not be shown again.')).toBeInTheDocument();
    expect(within(shown).getByText(secret)).toBeInTheDocument();
    expect(within(drawer).getByLabelText('Key name')).toHaveValue('');
    const keyRow = (await within(drawer).findByText('tsk_Ab12…x9Yz', {}, WAIT)).closest('tr') as HTMLElement;
    expect(within(keyRow).getByText('Active')).toBeInTheDocument();
    expect(within(keyRow).getByText('Never')).toBeInTheDocument();

    // Once: closed and opened again, the drawer lists the key by its preview only.
    await user.click(drawer.querySelector('.ant-drawer-close') as HTMLElement);
    await waitFor(() => gone('Service keys of Deploy API'), WAIT);
    await user.click(buttonIn(await rowOf('Deploy API'), 'Service keys'));
    const again = await dialogNamed('Service keys of Deploy API');
    const row = (await within(again).findByText('tsk_Ab12…x9Yz', {}, WAIT)).closest('tr') as HTMLElement;
    await tablesSettled();
    expect(screen.queryByText(secret)).not.toBeInTheDocument();
    expect(again.querySelector('[role="status"]')).toBeNull();

    await user.click(buttonIn(row, 'Revoke'));
    const confirm = await dialogNamed(/Revoke the key production/);
    await user.click(buttonIn(confirm, 'OK'));
    await waitFor(() => expect(revoked).toEqual([keys[0].id]), WAIT);
    expect(await within(again).findByText('Revoked', {}, WAIT)).toBeInTheDocument();
    await tablesSettled();
    noButtonIn(again, 'Revoke');
  });
});
