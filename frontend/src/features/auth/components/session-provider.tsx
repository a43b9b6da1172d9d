import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { getMe } from '@/features/auth/api/get-me';
import { login, type Credentials } from '@/features/auth/api/login';
import type { Me } from '@/features/auth/types';
import {
  accessTokenExpiresAt,
  endSession,
  getAccessToken,
  onSessionEnded,
  storeAccessToken,
} from '@/lib/auth-token';

/** `ended`: the visitor was signed out by the server or the clock, not by their own choice. */
type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended: boolean }
  | { status: 'signed-in'; me: Me };

type Session = SessionState & {
  signIn: (credentials: Credentials) => Promise<Me>;
  signOut: () => void;
  /** Forgets that the session ended (the visitor read the notice). */
  dismissEnded: () => void;
};

const SessionContext = createContext<Session | null>(null);

// setTimeout holds at most 2^31 - 1 ms; a token living longer is checked again later.
const LONGEST_TIMER_MS = 2_147_483_647;

/** Knows who is signed in: restores the session from the stored token, ends it when the token
 * expires or the API refuses it, and offers sign in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>(initialState);

  useEffect(
    () =>
      onSessionEnded((reason) => {
        setState({ status: 'anonymous', ended: reason === 'expired' });
        // What was read with the token must not stay on screen without it.
        void queryClient.resetQueries();
      }),
    [queryClient],
  );

  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    const expiresAt = accessTokenExpiresAt();
    if (!signedIn || expiresAt === null) return;
    const timer = setTimeout(
      () => {
        if ((accessTokenExpiresAt() ?? 0) <= Date.now()) endSession('expired');
      },
      Math.min(Math.max(expiresAt - Date.now(), 0), LONGEST_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [signedIn]);

  useEffect(() => {
    if (!getAccessToken()) return;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setState({ status: 'signed-in', me }),
      () => {
        if (controller.signal.aborted) return;
        // A refused token already ended the session (and said so): keep that.
        setState((current) => (current.status === 'loading' ? { status: 'anonymous', ended: false } : current));
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      const token = await login(credentials);
      storeAccessToken(token.access_token, token.expires_in);
      try {
        const me = await getMe();
        setState({ status: 'signed-in', me });
        await queryClient.resetQueries();
        return me;
      } catch (error) {
        endSession('signed-out');
        throw error;
      }
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    endSession('signed-out');
    setState({ status: 'anonymous', ended: false });
  }, []);

  const dismissEnded = useCallback(() => {
    setState((current) => (current.status === 'anonymous' ? { status: 'anonymous', ended: false } : current));
  }, []);

  const session = useMemo(
    () => ({ ...state, signIn, signOut, dismissEnded }),
    [state, signIn, signOut, dismissEnded],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** A token left from an earlier visit may have expired since: then the visitor is told. */
function initialState(): SessionState {
  const expiresAt = accessTokenExpiresAt();
  if (expiresAt === null) return { status: 'anonymous', ended: false };
  if (expiresAt <= Date.now()) {
    endSession('expired');
    return { status: 'anonymous', ended: true };
  }
  return { status: 'loading' };
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
