import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './homes';
import { useSession } from './SessionContext';

/**
 * Pages behind sign-in. A user with a one-time password sees only the
 * change-password page, matching the server, which refuses everything else.
 */
export function RequireUser({ children, allowOneTimePassword = false }: { children: ReactNode; allowOneTimePassword?: boolean }) {
  const { me, loadError } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (loadError) return <ErrorMessage error={loadError} />;
  if (!me) return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && !allowOneTimePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return children;
}
