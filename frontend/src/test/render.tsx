import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { writeSessionToken } from '../api/session-store';
import { AppProviders } from '../app/AppProviders';
import { AppRoutes } from '../app/AppRoutes';

function TestProviders({ children, path }: { children: ReactNode; path: string }) {
  return (
    <MemoryRouter initialEntries={[path]}>
      <AppProviders motion={false}>{children}</AppProviders>
    </MemoryRouter>
  );
}

/** One component inside the real providers (i18n, antd locale, auth, router). */
export function renderWithProviders(ui: ReactElement, path = '/') {
  return render(ui, { wrapper: ({ children }) => <TestProviders path={path}>{children}</TestProviders> });
}

/** The whole app at `path`, optionally with a stored session (then GET /users/me must be mocked). */
export function renderApp(path: string, options: { sessionToken?: string } = {}) {
  if (options.sessionToken) writeSessionToken(options.sessionToken);
  return render(
    <TestProviders path={path}>
      <AppRoutes />
    </TestProviders>,
  );
}
