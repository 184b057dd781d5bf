import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAppSelector } from '@/app/hooks';
import { paths } from '@/config/paths';
import type { Role } from '@/types/api';
import { selectRole, selectToken } from '../auth-slice';
import { useGetProfileQuery } from '../api/auth-api';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState } from '@/components/ui/states';
import { useT } from '@/lib/i18n';

/**
 * Lets signed-in users through (and, with `roles`, only those roles); everyone else
 * goes to sign-in with a return URL.
 */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const token = useAppSelector(selectToken);
  const role = useAppSelector(selectRole);
  const profile = useGetProfileQuery(undefined, { skip: !token || !roles || !!role });

  if (!token) {
    return <Navigate to={paths.signIn.build(location.pathname + location.search)} replace />;
  }
  if (roles) {
    if (!role) {
      if (profile.isError) return <Navigate to={paths.signIn.build(location.pathname + location.search)} replace />;
      return <Skeleton height={240} radius={14} />;
    }
    if (!roles.includes(role)) {
      return (
        <EmptyState title={t('guard.forbiddenTitle')}>{t('guard.forbiddenText')}</EmptyState>
      );
    }
  }
  return <>{children}</>;
}
