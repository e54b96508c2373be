import { createContext, useContext } from 'react';
import type { User } from '../../api/types';

export type AuthStatus = 'checking' | 'signedIn' | 'signedOut' | 'unreachable';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** True after the server said the session is gone, until the next sign-in. */
  sessionExpired: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => void;
  replaceUser: (user: User) => void;
  retry: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
