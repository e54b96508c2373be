import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SESSION_STORAGE_KEY } from '../../api/session-store';
import i18n from '../../i18n';
import { serveTokenList } from '../../test/api-recorder';
import { aPage, aToken, aUser, anErrorBody } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

function refuseLogin() {
  server.use(http.post('/api/auth/login', () => HttpResponse.json(anErrorBody(401, 'INVALID_CREDENTIALS'), { status: 401 })));
}

describe('SignInPage', () => {
  it('has a main landmark with the page’s one h1, and <html lang> in the page’s language', async () => {
    renderApp('/sign-in');
    const main = screen.getByRole('main');
    expect(main).toContainElement(screen.getByRole('heading', { level: 1, name: 'Sign in' }));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(main).toContainElement(screen.getByLabelText('Email'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en-US'));
  });

  it('asks for the email and password inline before calling the server', async () => {
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(await screen.findByText('Enter your password.')).toBeInTheDocument();
  });

  it('shows INVALID_CREDENTIALS in English words, not the server message', async () => {
    const user = userEvent.setup();
    refuseLogin();
    renderApp('/sign-in');

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(screen.queryByText(/server says/)).not.toBeInTheDocument();
  });

  it('shows INVALID_CREDENTIALS in Chinese when the panel speaks Chinese', async () => {
    const user = userEvent.setup();
    refuseLogin();
    await i18n.changeLanguage('zh-CN');
    renderApp('/sign-in');

    await user.type(screen.getByLabelText('邮箱'), 'ada@example.com');
    await user.type(screen.getByLabelText('密码'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: '登 录' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱或密码错误。');
  });

  it('keeps the session across a reload by reading the stored token', async () => {
    server.use(http.get('/api/users/me', ({ request }) =>
      request.headers.get('Authorization') === 'Bearer stored-jwt' ? HttpResponse.json(aUser) : HttpResponse.json({}, { status: 401 }),
    ));
    renderApp('/', { sessionToken: 'stored-jwt' });

    expect(await screen.findByText('Welcome, ada')).toBeInTheDocument();
  });

  it('sends an expired session to sign-in and back to the page it was on', async () => {
    const user = userEvent.setup();
    let sessionValid = true;
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(aUser)),
      http.post('/api/auth/login', () => {
        sessionValid = true;
        return HttpResponse.json({ access_token: 'fresh-jwt', user: aUser });
      }),
    );
    serveTokenList(aPage([])); // stats; the list itself is answered below
    server.use(
      http.get('/api/users/me/api-tokens', ({ request }) => {
        if (!sessionValid || request.headers.get('Authorization') !== 'Bearer fresh-jwt') {
          sessionValid = false;
          return HttpResponse.json(anErrorBody(401, 'SESSION_EXPIRED'), { status: 401 });
        }
        return HttpResponse.json(aPage([aToken({ name: 'CI deploy' })]));
      }),
    );
    renderApp('/settings/credentials', { sessionToken: 'old-jwt' });

    expect(await screen.findByText('Your session has ended. Sign in again to continue where you were.')).toBeInTheDocument();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('CI deploy')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Credentials', selected: true })).toBeInTheDocument();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBe('fresh-jwt');
  });

  it('signs out from the user menu and forgets the session', async () => {
    const user = userEvent.setup();
    server.use(http.get('/api/users/me', () => HttpResponse.json(aUser)));
    renderApp('/', { sessionToken: 'stored-jwt' });

    await user.click(await screen.findByRole('button', { name: /Account menu/ }));
    await user.click(await screen.findByText('Sign out'));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument());
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
