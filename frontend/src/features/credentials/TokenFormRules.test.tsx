/** The token form's rules for real people (issue 18): focus, honest expiry texts, limits below usage. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import { CredentialsTab } from './CredentialsTab';
import { TokenFormModal } from './TokenFormModal';

function renderCreateForm() {
  renderWithProviders(<TokenFormModal target={{ kind: 'create' }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={vi.fn()} />);
}

describe('the token form', () => {
  it('opens with focus on its first field, Name', async () => {
    renderCreateForm();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
  });

  it('gives focus back to the button that opened it when it closes', async () => {
    const user = userEvent.setup();
    serveTokenList(aPage([aToken({ name: 'CI deploy' })]));
    renderWithProviders(<CredentialsTab openTokenId={null} onOpenToken={vi.fn()} onCloseToken={vi.fn()} />);
    await screen.findByText('CI deploy');

    const opener = screen.getByRole('button', { name: /New token/ });
    await user.click(opener);
    const form = await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Name')));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('says "Expires on …" for a custom date too, and refuses today', async () => {
    const user = userEvent.setup();
    renderCreateForm();

    await user.click(screen.getByText('Custom'));
    const dateInput = await screen.findByPlaceholderText('Choose a date');
    const inTenDays = dayjs().add(10, 'day');
    await user.type(dateInput, `${inTenDays.format('YYYY-MM-DD')}{Enter}`);
    expect(await screen.findByTestId('expiry-will')).toHaveTextContent(`Expires on ${inTenDays.endOf('day').format('LLL')}.`);

    // Today cannot be picked: a token expiring today would stop within hours.
    await user.click(dateInput);
    const today = await waitFor(() => {
      const cell = document.querySelector(`td[title="${dayjs().format('YYYY-MM-DD')}"]`);
      expect(cell).not.toBeNull();
      return cell as HTMLElement;
    });
    expect(today).toHaveClass('ant-picker-cell-disabled');
    expect(document.querySelector(`td[title="${inTenDays.format('YYYY-MM-DD')}"]`)).not.toHaveClass('ant-picker-cell-disabled');
  });

  it('does not speak of a maximum lifetime once "No expiry" is chosen', async () => {
    const user = userEvent.setup();
    renderCreateForm();
    expect(await screen.findByText(/may live at most/)).toBeInTheDocument();
    await user.click(screen.getByText('No expiry'));
    await waitFor(() => expect(screen.queryByText(/may live at most/)).not.toBeInTheDocument());
    expect(screen.getByText('This token will never expire')).toBeInTheDocument();
  });

  it('warns, and asks before saving, when a new limit is below what the token already used', async () => {
    const user = userEvent.setup();
    const update = vi.fn(() => HttpResponse.json(aToken({ name: 'CI deploy', requestLimit: 10 })));
    server.use(http.patch('/api/users/me/api-tokens/:id', update));
    const token = aToken({ name: 'CI deploy', requestCount: 40, requestLimit: null });
    renderWithProviders(<TokenFormModal target={{ kind: 'edit', token }} onCancel={vi.fn()} onCreated={vi.fn()} onUpdated={vi.fn()} />);

    await user.type(screen.getByLabelText(/^Request limit/), '10');
    expect(await screen.findByText('This limit is already used up')).toBeInTheDocument();
    expect(screen.getByText(/has made 40 requests/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByText('Save a limit below current usage?')).length).toBeGreaterThan(0);
    expect(update).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
  });
});
