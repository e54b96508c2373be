import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SESSION_STORAGE_KEY } from '../../api/session-store';
import type { UpdateProfileBody } from '../../api/types';
import { aUser, anErrorBody } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

function formItemOf(label: string): HTMLElement {
  return screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
}

describe('ProfileForm', () => {
  it('opens in the user panel at /settings/profile with the current username and email', async () => {
    server.use(http.get('/api/users/me', () => HttpResponse.json(aUser)));
    renderApp('/settings/profile', { sessionToken: 'jwt' });

    expect(await screen.findByLabelText('Username')).toHaveValue('ada');
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com');
    expect(screen.getByRole('tab', { name: 'Profile', selected: true })).toBeInTheDocument();
  });

  it('needs the current password for a new one and shows CURRENT_PASSWORD_INVALID on that field', async () => {
    const user = userEvent.setup();
    let sent: UpdateProfileBody | undefined;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.patch('/api/users/me', async ({ request }) => {
        sent = (await request.json()) as UpdateProfileBody;
        return HttpResponse.json(anErrorBody(403, 'CURRENT_PASSWORD_INVALID'), { status: 403 });
      }),
    );
    renderApp('/settings/profile', { sessionToken: 'jwt' });

    await user.type(await screen.findByLabelText('New password'), 'a-new-password');
    await user.type(screen.getByLabelText('Confirm new password'), 'a-new-password');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Enter your current password to set a new one.')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.type(screen.getByLabelText('Current password'), 'not-my-password');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(formItemOf('Current password')).toHaveTextContent('Your current password is not correct.'));
    expect(sent).toEqual({ newPassword: 'a-new-password', currentPassword: 'not-my-password' });
  });

  it('needs the current password to change the email too, and sends it', async () => {
    const user = userEvent.setup();
    let sent: UpdateProfileBody | undefined;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.patch('/api/users/me', async ({ request }) => {
        sent = (await request.json()) as UpdateProfileBody;
        return HttpResponse.json({ ...aUser, email: 'ada@new.example.com' });
      }),
    );
    renderApp('/settings/profile', { sessionToken: 'jwt' });

    const email = await screen.findByLabelText('Email');
    await user.clear(email);
    await user.type(email, 'ada@new.example.com');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Enter your current password to change your email.')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.type(screen.getByLabelText('Current password'), 'my-password');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(sent).toEqual({ email: 'ada@new.example.com', currentPassword: 'my-password' }));
  });

  it('changes the password, then signs in again with it (the change signed out the old session)', async () => {
    const user = userEvent.setup();
    const logins: unknown[] = [];
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.patch('/api/users/me', () => HttpResponse.json(aUser)),
      http.post('/api/auth/login', async ({ request }) => {
        logins.push(await request.json());
        return HttpResponse.json({ access_token: 'jwt-after-change', expires_in: 3600, user: aUser });
      }),
    );
    renderApp('/settings/profile', { sessionToken: 'jwt-before-change' });

    await user.type(await screen.findByLabelText('New password'), 'a-new-password');
    await user.type(screen.getByLabelText('Confirm new password'), 'a-new-password');
    await user.type(screen.getByLabelText('Current password'), 'the-old-password');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBe('jwt-after-change'));
    expect(logins).toEqual([{ email: aUser.email, password: 'a-new-password' }]);
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
  });
});
