import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RevealTokenDialog, type RevealedSecret } from './RevealTokenDialog';

const SECRET = 'tsr_abcdefghijklmnopqrstuvwxyz0123451a2b3c';

/** Holds the secret the way CredentialsTab does: in state, dropped on acknowledge. */
function SecretHolder() {
  const [secret, setSecret] = useState<RevealedSecret | null>({ tokenName: 'CI deploy', token: SECRET, regenerated: false });
  return secret ? <RevealTokenDialog secret={secret} onAcknowledge={() => setSecret(null)} /> : <p>dialog closed</p>;
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('RevealTokenDialog', () => {
  it('shows the token in monospace with a warning that it will not be shown again', () => {
    renderWithProviders(<SecretHolder />);

    expect(screen.getByTestId('revealed-token')).toHaveTextContent(SECRET);
    expect(screen.getByTestId('revealed-token')).toHaveClass('tessera-mono');
    expect(screen.getByText('This is the only time you will see it')).toBeInTheDocument();
  });

  it('copies the token to the clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText); // after setup(): user-event installs its own clipboard
    renderWithProviders(<SecretHolder />);

    await user.click(screen.getByRole('button', { name: /(^|\s)Copy$/ }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await screen.findByRole('button', { name: /Copied/ })).toBeInTheDocument();
    expect(await screen.findByText('Copied', { selector: '.ant-message *' })).toBeInTheDocument();
  });

  it('tells the person to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    stubClipboard(() => Promise.reject(new Error('denied')));
    renderWithProviders(<SecretHolder />);

    await user.click(screen.getByRole('button', { name: /(^|\s)Copy$/ }));
    expect(await screen.findByText('Copying failed. Select the token and copy it by hand.')).toBeInTheDocument();
  });

  it('removes the token text from the page once "I have copied it" is pressed', async () => {
    const user = userEvent.setup();
    stubClipboard(() => Promise.resolve());
    renderWithProviders(<SecretHolder />);

    await user.click(screen.getByRole('button', { name: /(^|\s)Copy$/ }));
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(await screen.findByText('dialog closed')).toBeInTheDocument();
    await waitFor(() => expect(document.body).not.toHaveTextContent(SECRET));
  });

  it('offers the export line and a curl example, each copied as is', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    renderWithProviders(<SecretHolder />);

    await user.click(screen.getByRole('button', { name: /Copy export TESSERA_TOKEN/ }));
    expect(writeText).toHaveBeenLastCalledWith(`export TESSERA_TOKEN=${SECRET}`);
    await user.click(screen.getByRole('button', { name: /Copy curl example/ }));
    expect(writeText).toHaveBeenLastCalledWith(`curl -H "Authorization: Bearer $TESSERA_TOKEN" ${window.location.origin}/api/users/me`);
    expect(screen.getByTestId('curl-example')).toHaveTextContent('$TESSERA_TOKEN');
  });

  it('asks once before closing when nothing was copied, then closes on the second press', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SecretHolder />);

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.getByText(/You have not copied anything./)).toBeInTheDocument();
    expect(screen.getByTestId('revealed-token')).toHaveTextContent(SECRET);
    await user.click(screen.getByRole('button', { name: 'Close without copying' }));
    expect(await screen.findByText('dialog closed')).toBeInTheDocument();
  });
});
