import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { getMe } from '@/features/auth/api/get-me';
import { login, type Credentials } from '@/features/auth/api/login';
import type { Me } from '@/features/auth/types';
import { clearAccessToken, getAccessToken, onAccessTokenCleared, storeAccessToken } from '@/lib/auth-token';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

type Session = SessionState & {
  signIn: (credentials: Credentials) => Promise<Me>;
  signOut: () => void;
};

const SessionContext = createContext<Session | null>(null);

/** Knows who is signed in: restores the session from the stored token and offers sign in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    getAccessToken() ? { status: 'loading' } : { status: 'anonymous' },
  );

  useEffect(() => onAccessTokenCleared(() => setState({ status: 'anonymous' })), []);

  useEffect(() => {
    if (!getAccessToken()) return;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setState({ status: 'signed-in', me }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'anonymous' });
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = useCallback(async (credentials: Credentials) => {
    const token = await login(credentials);
    storeAccessToken(token.access_token, token.expires_in);
    try {
      const me = await getMe();
      setState({ status: 'signed-in', me });
      return me;
    } catch (error) {
      clearAccessToken();
      throw error;
    }
  }, []);

  const signOut = useCallback(() => {
    clearAccessToken();
    setState({ status: 'anonymous' });
  }, []);

  const session = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
