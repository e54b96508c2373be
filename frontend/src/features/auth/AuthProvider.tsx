import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error';
import { onSessionExpired } from '../../api/client';
import { clearSessionToken, readSessionToken, writeSessionToken } from '../../api/session-store';
import { tesseraApi } from '../../api/tessera-api';
import type { User } from '../../api/types';
import { AuthContext, type AuthContextValue, type AuthStatus } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(() => (readSessionToken() ? 'checking' : 'signedOut'));
  const [user, setUser] = useState<User | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const endSession = useCallback((expired: boolean) => {
    clearSessionToken();
    setUser(null);
    setStatus('signedOut');
    setSessionExpired(expired);
  }, []);

  useEffect(() => {
    onSessionExpired(() => endSession(true));
    return () => onSessionExpired(null);
  }, [endSession]);

  // A stored token is only a hint: confirm it (and learn who we are) before showing the app.
  useEffect(() => {
    if (!readSessionToken()) return;
    let current = true;
    setStatus('checking');
    tesseraApi.getMe().then(
      (me) => {
        if (!current) return;
        setUser(me);
        setStatus('signedIn');
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) endSession(true);
        else setStatus('unreachable');
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, endSession]);

  const signIn = useCallback(async (email: string, password: string) => {
    const { access_token: accessToken, user: signedInUser } = await tesseraApi.login(email, password);
    writeSessionToken(accessToken);
    setUser(signedInUser);
    setSessionExpired(false);
    setStatus('signedIn');
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      sessionExpired,
      signIn,
      signOut: () => endSession(false),
      replaceUser: setUser,
      retry: () => setAttempt((count) => count + 1),
    }),
    [status, user, sessionExpired, signIn, endSession],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
