import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { CreateTokenBody, UpdateTokenBody } from '../../api/types';
import { aToken, anErrorBody } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { TokenFormModal } from './TokenFormModal';

function formItemOf(label: string | RegExp): HTMLElement {
  return screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
}

function renderCreateForm() {
  const onCreated = vi.fn();
  renderWithProviders(<TokenFormModal target={{ kind: 'create' }} onCancel={vi.fn()} onCreated={onCreated} onUpdated={vi.fn()} />);
  return { onCreated };
}

describe('TokenFormModal', () => {
  it('refuses to submit without a name or any scope, and sends nothing', async () => {
    const user = userEvent.setup();
    const create = vi.fn(() => HttpResponse.json({}));
    server.use(http.post('/api/users/me/api-tokens', create));
    renderCreateForm();

    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Give the token a name.')).toBeInTheDocument();
    expect(await screen.findByText('Choose at least one scope.')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a custom expiry date in the past and a limit that is not a positive whole number', async () => {
    const user = userEvent.setup();
    const create = vi.fn(() => HttpResponse.json({}));
    server.use(http.post('/api/users/me/api-tokens', create));
    renderCreateForm();

    await user.click(screen.getByText('Custom'));
    const dateInput = await screen.findByPlaceholderText('Choose a date');
    await user.type(dateInput, '2020-01-01{Enter}');
    await user.type(screen.getByLabelText(/^Request limit/), '0');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const expiryItem = screen.getByPlaceholderText('Choose a date').closest('.ant-form-item') as HTMLElement;
    // Past days are disabled in the picker, so a typed past date is never taken as a value.
    expect(await within(expiryItem).findByText('Choose an expiry date.')).toBeInTheDocument();
    expect(await within(formItemOf(/^Request limit/)).findByText(/Enter a whole number from 1 to/)).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('warns that a token without expiry stays valid until revoked', async () => {
    const user = userEvent.setup();
    renderCreateForm();

    await user.click(screen.getByText('No expiry'));
    expect(await screen.findByText('This token will never expire')).toBeInTheDocument();
  });

  it('posts the name, chosen scopes, preset expiry and limits, then hands over the created token', async () => {
    const user = userEvent.setup();
    let sent: CreateTokenBody | undefined;
    server.use(
      http.post('/api/users/me/api-tokens', async ({ request }) => {
        sent = (await request.json()) as CreateTokenBody;
        return HttpResponse.json({ ...aToken({ name: sent.name }), token: 'tsr_secret' }, { status: 201 });
      }),
    );
    const { onCreated } = renderCreateForm();

    await user.type(screen.getByLabelText('Name'), 'Nightly backup');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Tokens' })).getByText('Write'));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Usage' })).getByText('Read'));
    await user.click(screen.getByText('7 days'));
    await user.type(screen.getByLabelText(/^Request limit/), '500');
    await user.type(screen.getByLabelText(/^Rate limit/), '60');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ token: 'tsr_secret' })));
    expect(sent).toEqual({
      name: 'Nightly backup',
      scopes: ['tokens:write', 'usage:read'],
      expiresAt: expect.any(String),
      requestLimit: 500,
      rateLimit: 60,
    });
    expect(dayjs(sent?.expiresAt).diff(dayjs(), 'hour')).toBeGreaterThanOrEqual(7 * 24 - 1);
  });

  it('puts a server VALIDATION_FAILED message on the field it names', async () => {
    const user = userEvent.setup();
    server.use(
      http.post('/api/users/me/api-tokens', () =>
        HttpResponse.json(
          anErrorBody(400, 'VALIDATION_FAILED', [{ field: 'name', constraint: 'maxLength', message: 'name is too long' }]),
          { status: 400 },
        ),
      ),
    );
    renderCreateForm();

    await user.type(screen.getByLabelText('Name'), 'Nightly backup');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Account' })).getByText('Read'));
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await within(formItemOf('Name')).findByText('This is too long.')).toBeInTheDocument();
    expect(screen.queryByText('name is too long')).not.toBeInTheDocument();
  });

  it('patches an existing token and clears a removed limit with null', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI', scopes: ['account:read'], requestLimit: 100, expiresAt: '2099-01-01T00:00:00.000Z' });
    let sent: UpdateTokenBody | undefined;
    server.use(
      http.patch(`/api/users/me/api-tokens/${token.id}`, async ({ request }) => {
        sent = (await request.json()) as UpdateTokenBody;
        return HttpResponse.json({ ...token, ...sent });
      }),
    );
    const onUpdated = vi.fn();
    renderWithProviders(<TokenFormModal target={{ kind: 'edit', token }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={onUpdated} />);

    expect(screen.getByRole('radio', { name: 'Keep current' })).toBeChecked();
    await user.clear(screen.getByLabelText(/^Request limit/));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onUpdated).toHaveBeenCalled());
    expect(sent).toEqual({
      name: 'CI',
      description: null,
      scopes: ['account:read'],
      quotaRefill: null,
      requestLimit: null,
      quotaLimit: null,
      rateLimit: null,
      allowedIps: [],
    });
  });

  it('refuses allowlist entries that are not IPs or CIDR ranges before sending anything', async () => {
    const user = userEvent.setup();
    const create = vi.fn(() => HttpResponse.json({}));
    server.use(http.post('/api/users/me/api-tokens', create));
    renderCreateForm();

    await user.type(screen.getByLabelText('Name'), 'office');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Account' })).getByText('Read'));
    await user.type(screen.getByLabelText(/^Allowed IP addresses/), '203.0.113.7{Enter}10.0.0.0/33{Enter}example.com{Enter}2001:db8::/32');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(
      await within(formItemOf(/^Allowed IP addresses/)).findByText('Not an IP address or CIDR range: 10.0.0.0/33, example.com'),
    ).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends the allowlist as a list, and puts the server\'s allowedIps.N refusal on the field', async () => {
    const user = userEvent.setup();
    const sent: CreateTokenBody[] = [];
    server.use(
      http.post('/api/users/me/api-tokens', async ({ request }) => {
        sent.push((await request.json()) as CreateTokenBody);
        return HttpResponse.json(
          anErrorBody(400, 'VALIDATION_FAILED', [
            { field: 'allowedIps.1', constraint: 'isIpOrCidr', message: '"10.0.0.0/8" is not an IP address or CIDR range' },
          ]),
          { status: 400 },
        );
      }),
    );
    renderCreateForm();

    await user.type(screen.getByLabelText('Name'), 'office');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Account' })).getByText('Read'));
    await user.type(screen.getByLabelText(/^Allowed IP addresses/), ' 203.0.113.7, 10.0.0.0/8{Enter}{Enter}::1{Enter}203.0.113.7');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(
      await within(formItemOf(/^Allowed IP addresses/)).findByText('Enter IP addresses or CIDR ranges only, e.g. 203.0.113.7 or 10.0.0.0/8.'),
    ).toBeInTheDocument();
    expect(sent[0]?.allowedIps).toEqual(['203.0.113.7', '10.0.0.0/8', '::1']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a token\'s allowlist one per line when editing, and an emptied list allows every address again', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'CI', scopes: ['account:read'], allowedIps: ['203.0.113.7', '10.0.0.0/8'] });
    let sent: UpdateTokenBody | undefined;
    server.use(
      http.patch(`/api/users/me/api-tokens/${token.id}`, async ({ request }) => {
        sent = (await request.json()) as UpdateTokenBody;
        return HttpResponse.json({ ...token, ...sent });
      }),
    );
    const onUpdated = vi.fn();
    renderWithProviders(<TokenFormModal target={{ kind: 'edit', token }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={onUpdated} />);

    const allowlist = screen.getByLabelText(/^Allowed IP addresses/);
    expect(allowlist).toHaveValue('203.0.113.7\n10.0.0.0/8');
    await user.clear(allowlist);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onUpdated).toHaveBeenCalled());
    expect(sent?.allowedIps).toEqual([]);
  });

  it('follows a strict server policy: no "no expiry", presets and dates only up to the maximum, one line explaining it', async () => {
    const user = userEvent.setup();
    server.use(http.get('/api/policy', () => HttpResponse.json({ maxTokenLifetimeDays: 60, allowNoExpiry: false, expiryNoticeDays: 7, maxTokensPerUser: 100 })));
    renderCreateForm();

    expect(await screen.findByText('On this server every token must expire, at most 60 days from now.')).toBeInTheDocument();
    expect(screen.queryByText('No expiry')).not.toBeInTheDocument();
    expect(screen.queryByText('90 days')).not.toBeInTheDocument();
    expect(screen.queryByText('1 year')).not.toBeInTheDocument();
    expect(screen.getByText('60 days')).toBeInTheDocument();

    const create = vi.fn(() => HttpResponse.json({}));
    server.use(http.post('/api/users/me/api-tokens', create));
    await user.type(screen.getByLabelText('Name'), 'short-lived');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Account' })).getByText('Read'));
    await user.click(screen.getByText('Custom'));
    const dateInput = await screen.findByPlaceholderText('Choose a date');
    // Days past the maximum are disabled in the picker, so a typed one is never taken as a value.
    await user.type(dateInput, `${dayjs().add(61, 'day').format('YYYY-MM-DD')}{Enter}`);
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const expiryItem = screen.getByPlaceholderText('Choose a date').closest('.ant-form-item') as HTMLElement;
    expect(await within(expiryItem).findByText('Choose an expiry date.')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('puts the server\'s maxLifetime refusal on the expiry', async () => {
    const user = userEvent.setup();
    server.use(
      http.post('/api/users/me/api-tokens', () =>
        HttpResponse.json(anErrorBody(400, 'VALIDATION_FAILED', [{ field: 'expiresAt', constraint: 'maxLifetime', message: 'too far' }]), { status: 400 }),
      ),
    );
    renderCreateForm();

    await user.type(screen.getByLabelText('Name'), 'far');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Account' })).getByText('Read'));
    await user.click(screen.getByText('1 year'));
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByText('This expiry is further ahead than the server allows.')).toBeInTheDocument();
  });
});
