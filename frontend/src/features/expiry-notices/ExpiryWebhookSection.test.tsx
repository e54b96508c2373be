import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ExpiryNotice, ExpiryWebhook, ServiceKeyNotice } from '../../api/types';
import i18n from '../../i18n';
import { anErrorBody } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { ExpiryWebhookSection } from './ExpiryWebhookSection';

const SECRET = 'whsec_abcdefghijklmnopqrstuvwxyz012345';

/** A delivery that went through at the first attempt. */
function aDelivery() {
  const now = new Date().toISOString();
  return { id: crypto.randomUUID(), status: 'DELIVERED' as const, attempts: 1, lastStatus: 204, lastError: null, nextAttemptAt: now, deliveredAt: now, createdAt: now };
}

function aNotice(overrides: Partial<ExpiryNotice> = {}): ExpiryNotice {
  return {
    ...aDelivery(),
    tokenId: crypto.randomUUID(),
    tokenName: 'deploy bot',
    tokenPreview: 'tsr_Ab3d…9xYz',
    event: 'token.expiring',
    expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    ...overrides,
  };
}

function aServiceKeyNotice(overrides: Partial<ServiceKeyNotice> = {}): ServiceKeyNotice {
  return {
    ...aDelivery(),
    serviceKeyId: crypto.randomUUID(),
    serviceKeyName: 'ci runner',
    keyPreview: 'tsk_Ab12…x9Yz',
    applicationName: 'Deploy API',
    event: 'service_key.leaked',
    ...overrides,
  };
}

function aWebhook(overrides: Partial<ExpiryWebhook> = {}): ExpiryWebhook {
  return {
    url: 'https://hooks.example.com/tessera',
    secret: SECRET,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    recentNotices: [],
    recentServiceKeyNotices: [],
    ...overrides,
  };
}

describe('ExpiryWebhookSection', () => {
  it('sets a webhook: validates the URL, PUTs it, then shows the signing secret and the actions', async () => {
    const user = userEvent.setup();
    let saved: ExpiryWebhook | null = null;
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/users/me/expiry-webhook', () =>
        saved ? HttpResponse.json(saved) : HttpResponse.json(anErrorBody(404, 'NOT_FOUND'), { status: 404 }),
      ),
      http.put('/api/users/me/expiry-webhook', async ({ request }) => {
        const body = (await request.json()) as { url: string };
        bodies.push(body);
        saved = aWebhook({ url: body.url });
        return HttpResponse.json(saved);
      }),
    );
    renderWithProviders(<ExpiryWebhookSection />);

    expect(await screen.findByText(/will expire within 7 days/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send test' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('Enter the URL that should receive the notices.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Webhook URL'), 'ftp://files.example.com');
    await user.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByText('Enter an http:// or https:// URL.')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.clear(screen.getByLabelText('Webhook URL'));
    await user.type(screen.getByLabelText('Webhook URL'), 'https://hooks.example.com/tessera');
    await user.click(screen.getByRole('button', { name: 'Save webhook' }));
    expect(await screen.findByRole('button', { name: 'Send test' })).toBeInTheDocument();
    expect(bodies).toEqual([{ url: 'https://hooks.example.com/tessera' }]);
    // The secret is shortened on screen; the copy button copies all of it.
    expect(screen.getByText('whsec_abcd…')).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(screen.getByText(/No notices yet/)).toBeInTheDocument();
  });

  it('puts a refused URL (private address) on the URL field, translated', async () => {
    const user = userEvent.setup();
    server.use(
      http.put('/api/users/me/expiry-webhook', () =>
        HttpResponse.json(anErrorBody(400, 'VALIDATION_FAILED', [{ field: 'url', constraint: 'publicAddress', message: 'url points at a private address' }]), { status: 400 }),
      ),
    );
    renderWithProviders(<ExpiryWebhookSection />);
    await user.type(await screen.findByLabelText('Webhook URL'), 'http://10.0.0.5/hook');
    await user.click(screen.getByRole('button', { name: 'Save webhook' }));
    const item = screen.getByLabelText('Webhook URL').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item).toHaveTextContent('This server does not send to local or private network addresses.'));
  });

  it('lists recent notices with their status, sends a test, and removes the webhook after confirmation', async () => {
    const user = userEvent.setup();
    let removed = false;
    const tests = vi.fn();
    server.use(
      http.get('/api/users/me/expiry-webhook', () =>
        removed
          ? HttpResponse.json(anErrorBody(404, 'NOT_FOUND'), { status: 404 })
          : HttpResponse.json(
              aWebhook({
                recentNotices: [
                  aNotice({ tokenName: 'nightly export', status: 'PENDING', attempts: 2, lastStatus: 500, lastError: 'answered HTTP 500', deliveredAt: null, nextAttemptAt: new Date(Date.now() + 60_000).toISOString() }),
                  aNotice({ tokenName: 'deploy bot' }),
                ],
              }),
            ),
      ),
      http.post('/api/users/me/expiry-webhook/test', () => {
        tests();
        return HttpResponse.json({ ok: false, status: 410, error: 'answered HTTP 410' });
      }),
      http.delete('/api/users/me/expiry-webhook', () => {
        removed = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderWithProviders(<ExpiryWebhookSection />);

    const pendingRow = (await screen.findByText('nightly export')).closest('tr')!;
    expect(within(pendingRow).getByText('Pending')).toBeInTheDocument();
    expect(within(pendingRow).getByText('Attempts: 2')).toBeInTheDocument();
    expect(within(pendingRow).getByText('answered HTTP 500')).toBeInTheDocument();
    expect(within(pendingRow).getByText(/Next attempt in/)).toBeInTheDocument();
    const deliveredRow = screen.getByText('deploy bot').closest('tr')!;
    expect(within(deliveredRow).getByText('Delivered')).toBeInTheDocument();
    expect(within(deliveredRow).getByText('Answered HTTP 204')).toBeInTheDocument();
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('https://hooks.example.com/tessera');
    // A member's webhook has no service-key deliveries: no second list.
    expect(screen.queryByText(/notices about service keys/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send test' }));
    expect(await screen.findByText('The test notice was not accepted: answered HTTP 410')).toBeInTheDocument();
    expect(tests).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Remove webhook' }));
    expect(removed).toBe(false);
    expect(await screen.findByText(/Stop sending expiry notices\?/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('tooltip')).getByRole('button', { name: 'Remove webhook' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send test' })).not.toBeInTheDocument());
    expect(removed).toBe(true);
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('');
  });

  it("lists an administrator's service_key.leaked deliveries apart from the token notices, with the key and its application", async () => {
    server.use(
      http.get('/api/users/me/expiry-webhook', () =>
        HttpResponse.json(
          aWebhook({
            recentNotices: [aNotice({ tokenName: 'deploy bot' })],
            recentServiceKeyNotices: [aServiceKeyNotice({ status: 'FAILED', attempts: 6, lastStatus: 500, lastError: 'answered HTTP 500', deliveredAt: null })],
          }),
        ),
      ),
    );
    renderWithProviders(<ExpiryWebhookSection />);

    const keyTable = await screen.findByRole('region', { name: 'Recent notices about service keys (sent to administrators)' });
    const row = within(keyTable).getByText('ci runner').closest('tr')!;
    expect(within(row).getByText('tsk_Ab12…x9Yz')).toBeInTheDocument();
    expect(within(row).getByText('of Deploy API')).toBeInTheDocument();
    expect(within(row).getByText('Leak alert')).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('Attempts: 6')).toBeInTheDocument();
    expect(within(row).getByText('answered HTTP 500')).toBeInTheDocument();
    // The token list keeps its own rows only.
    expect(within(keyTable).queryByText('deploy bot')).not.toBeInTheDocument();
    expect(screen.getByText('deploy bot')).toBeInTheDocument();
  });

  it('speaks Chinese when the language is zh-CN', async () => {
    await i18n.changeLanguage('zh-CN');
    server.use(http.get('/api/users/me/expiry-webhook', () => HttpResponse.json(aWebhook({ recentNotices: [aNotice({ status: 'FAILED', lastError: 'answered HTTP 500', deliveredAt: null })] }))));
    renderWithProviders(<ExpiryWebhookSection />);
    expect(await screen.findByText('失败')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '发送测试' })).toBeInTheDocument();
  });
});
