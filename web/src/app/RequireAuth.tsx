import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { authApi, type Role } from '../api/auth';
import { useMe } from '../features/auth/session';
import { homeOf } from '../features/auth/home';
import { FullPageError, FullPageLoader } from '../shared/states';

/** Renders its child routes only for a logged-in user of one of `roles`. */
export function RequireAuth({ roles }: { roles: Role[] }) {
  const me = useMe();
  const location = useLocation();
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: authApi.setupStatus,
    enabled: me.data === null,
  });

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) {
    if (setup.isPending) return <FullPageLoader />;
    if (setup.data?.needs_owner) return <Navigate to="/setup" replace />;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (!roles.includes(me.data.user.role))
    return <Navigate to={homeOf(me.data.user.role)} replace />;
  return <Outlet />;
}
