import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anErrorBody } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;

describe('RegisterPage', () => {
  it('checks every field like the API does before calling it', async () => {
    const user = userEvent.setup();
    let calls = 0;
    server.use(http.post('/api/auth/register', () => ((calls += 1), HttpResponse.json({}, { status: 201 }))));
    renderApp('/register');

    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Enter a username.')).toBeInTheDocument();
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(await screen.findByText('Enter your password.')).toBeInTheDocument();
    // Only the first failing rule of the confirmation is shown.
    await waitFor(() => expect(itemOf('Confirm password')).toHaveTextContent('Enter the password again.'));
    expect(itemOf('Confirm password')).not.toHaveTextContent('The passwords do not match.');

    await user.type(screen.getByLabelText('Username'), 'a!');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'shorter');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => {
      expect(itemOf('Username')).toHaveTextContent('Use 3 to 32 letters, digits, underscores or hyphens.');
      expect(itemOf('Email')).toHaveTextContent('Enter a valid email address.');
      expect(itemOf('Password')).toHaveTextContent(/Use \d+ to \d+ characters\./);
      expect(itemOf('Confirm password')).toHaveTextContent('The passwords do not match.');
    });
    expect(calls).toBe(0);
  });

  it('puts a taken username from the server on its field', async () => {
    const user = userEvent.setup();
    server.use(
      http.post('/api/auth/register', () =>
        HttpResponse.json(anErrorBody(409, 'CONFLICT', [{ field: 'username', constraint: 'unique', message: 'username is already taken' }]), { status: 409 }),
      ),
    );
    renderApp('/register');

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(itemOf('Username')).toHaveTextContent('This is already taken.'));
  });
});
