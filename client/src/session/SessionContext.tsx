import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { fetchSession, logout, logoutEverywhere } from '../api/auth';
import { onAuthEvent } from '../api/client';
import { asApiError, type ApiError } from '../api/problem';
import type { Me } from '../../../server/contracts/api/auth';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './homes';

export const SESSION_EXPIRED_NOTICE = 'Din session har gått ut. Logga in igen.';

interface SessionValue {
  /** undefined while the first /auth/session is in flight */
  me: Me | null | undefined;
  loadError: ApiError | null;
  /** a message for the login page (expired session, signed out) */
  notice: string | null;
  signedIn(me: Me): void;
  refresh(): Promise<Me | null>;
  signOut(everywhere: boolean): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Owns who is signed in. It also listens to the API client's auth events, so
 * an expired session or a pending password change anywhere in the app ends
 * on the right page without each page handling it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  const refresh = useCallback(async () => {
    try {
      const current = await fetchSession();
      setMe(current);
      setLoadError(null);
      return current;
    } catch (error) {
      const problem = asApiError(error);
      setMe(null);
      if (problem.status !== 401) setLoadError(problem);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onAuthEvent((event) => {
        if (event === 'session_expired') {
          setMe(null);
          setNotice(SESSION_EXPIRED_NOTICE);
          navigateRef.current(LOGIN_PATH, { replace: true });
        } else {
          navigateRef.current(CHANGE_PASSWORD_PATH, { replace: true });
        }
      }),
    [],
  );

  const signedIn = useCallback((next: Me) => {
    setNotice(null);
    setLoadError(null);
    setMe(next);
  }, []);

  const signOut = useCallback(async (everywhere: boolean) => {
    try {
      await (everywhere ? logoutEverywhere() : logout());
    } catch {
      // Signing out locally matters more than the server's answer: an
      // already-expired session is signed out anyway.
    }
    setMe(null);
    setNotice(everywhere ? 'Du är utloggad på alla enheter.' : 'Du är utloggad.');
    navigateRef.current(LOGIN_PATH, { replace: true });
  }, []);

  const value = useMemo(() => ({ me, loadError, notice, signedIn, refresh, signOut }), [me, loadError, notice, signedIn, refresh, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession utanför SessionProvider');
  return value;
}

/** For pages behind RequireUser, where a user is guaranteed. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe utan inloggad användare');
  return me;
}
