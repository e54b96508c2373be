import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ApiTokenWithSecret } from '../../api/types';
import { aToken, anErrorBody } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { formatRemaining, GraceCountdown } from './GraceCountdown';
import { RotateTokenDialog } from './RotateTokenDialog';

describe('RotateTokenDialog', () => {
  it('rotates with the chosen grace period and hands the new secret on', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'ci' });
    const sent = vi.fn();
    const rotated: ApiTokenWithSecret = { ...token, token: 'tsr_new', graceUntil: new Date(Date.now() + 86_400_000).toISOString() };
    server.use(
      http.post(`/api/users/me/api-tokens/${token.id}/rotate`, async ({ request }) => {
        sent(await request.json());
        return HttpResponse.json(rotated);
      }),
    );
    const onRotated = vi.fn();
    renderWithProviders(<RotateTokenDialog token={token} onCancel={vi.fn()} onRotated={onRotated} />);

    expect(screen.getByText('Rotate “ci”')).toBeInTheDocument();
    // One hour is the default; no-grace warns that running jobs fail at once.
    expect(screen.getByRole('radio', { name: '1 hour' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Stops at once' }));
    expect(screen.getByText(/stops working right now/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '1 day' }));
    await user.click(screen.getByRole('button', { name: 'Rotate' }));

    await vi.waitFor(() => expect(onRotated).toHaveBeenCalledWith(rotated, 86_400));
    expect(sent).toHaveBeenCalledWith({ gracePeriodSeconds: 86_400 });
  });

  it('is also the regenerate flow: no grace chosen first, and a new expiry sent with it', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'ci', expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const sent = vi.fn();
    server.use(
      http.post(`/api/users/me/api-tokens/${token.id}/regenerate`, async ({ request }) => {
        sent(await request.json());
        return HttpResponse.json({ ...token, token: 'tsr_new' });
      }),
    );
    const onRotated = vi.fn();
    renderWithProviders(<RotateTokenDialog token={token} mode="regenerate" onCancel={vi.fn()} onRotated={onRotated} />);

    expect(screen.getByText('Regenerate “ci”?')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Stops at once' })).toBeChecked();
    for (const label of ['1 hour', '1 day', '3 days', '7 days']) expect(screen.getByRole('radio', { name: label })).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Expiry of the token' }));
    await user.click(await screen.findByTitle('90 days'));
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));

    await vi.waitFor(() => expect(onRotated).toHaveBeenCalled());
    const body = sent.mock.calls[0][0] as { expiresAt: string };
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
  });

  it('shows the server\'s refusal in the dialog', async () => {
    const user = userEvent.setup();
    const token = aToken({ name: 'gone' });
    server.use(
      http.post(`/api/users/me/api-tokens/${token.id}/rotate`, () =>
        HttpResponse.json(anErrorBody(409, 'INVALID_STATE'), { status: 409 }),
      ),
    );
    const onRotated = vi.fn();
    renderWithProviders(<RotateTokenDialog token={token} onCancel={vi.fn()} onRotated={onRotated} />);
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(onRotated).not.toHaveBeenCalled();
  });
});

describe('GraceCountdown', () => {
  it('formats the time left to the second, with days when there are any', () => {
    expect(formatRemaining(3_725_000)).toBe('01:02:05');
    expect(formatRemaining(2 * 86_400_000 + 61_000)).toBe('2 days 00:01:01');
    expect(formatRemaining(2 * 86_400_000 + 61_000, 'zh-CN')).toBe('2天 00:01:01');
    expect(formatRemaining(-5)).toBe('00:00:00');
  });

  it('counts down every second and says when the old secret stopped working', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const graceUntil = new Date(Date.now() + 3_000).toISOString();
      renderWithProviders(<GraceCountdown graceUntil={graceUntil} />);
      expect(screen.getByRole('timer')).toHaveTextContent('works for 00:00:03 more');
      await act(async () => vi.advanceTimersByTime(1_000));
      expect(screen.getByRole('timer')).toHaveTextContent('works for 00:00:02 more');
      await act(async () => vi.advanceTimersByTime(2_000));
      expect(screen.queryByRole('timer')).not.toBeInTheDocument();
      expect(screen.getByText(/stopped working/)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
