import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../../components/full-page-spin';
import { LoadErrorResult } from '../../../components/load-error-result';
import { useMe } from '../../../lib/use-me';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** The login URL that brings the user back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

/**
 * Gate for every signed-in route: without a session go to /login (remembering where to return);
 * with a password that must be changed, go to the change-password page before anything else.
 */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadErrorResult error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
