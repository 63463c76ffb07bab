import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me, SessionInfo } from '../../../src/contract/session.ts';
import { hasRight as rolesHaveRight, type Right } from '../../../src/contract/rights.ts';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';

interface SessionState {
  /** undefined while the first session check runs; null when signed out. */
  user: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Whether the user holds the right: the same table the server checks routes against. */
  hasRight: (right: Right) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds the signed-in user and the CSRF token; any 401 from the API signs the page out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setUser(info.user);
    return info.user;
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.call('GET /api/session'));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        setCsrfToken(null);
        setUser(null);
      } else {
        setUser(null);
      }
    }
  }, [accept]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      // Sign-in is CSRF-protected too: take a pre-session token first.
      const { csrfToken } = await api.call('GET /api/session/csrf');
      setCsrfToken(csrfToken);
      return accept(await api.call('POST /api/session/login', { body: { username, password } }));
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.call('POST /api/session/logout');
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const hasRight = useCallback(
    (right: Right) => !!user && rolesHaveRight(user.roles, right),
    [user],
  );

  const value = useMemo(
    () => ({ user, signIn, signOut, refresh, hasRight }),
    [user, signIn, signOut, refresh, hasRight],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
