import { NavLink, Outlet } from 'react-router';
import { useAppSelector } from '@/app/hooks';
import { Page, PageHead } from '@/components/motion/page';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useOpenDashboardSessionMutation } from '@/features/admin/api/admin-api';
import { selectRole } from '@/features/auth/auth-slice';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const isAdmin = useAppSelector(selectRole) === 'admin';
  const [openSession, { isLoading: opening }] = useOpenDashboardSessionMutation();
  const tabs = [
    [paths.admin.sync.build(), t('admin.tab.sync')],
    [paths.admin.models.build(), t('admin.tab.models')],
    [paths.admin.tiers.build(), t('admin.tab.tiers')],
    [paths.admin.users.build(), t('admin.tab.users')],
    [paths.admin.approvals.build(), t('admin.tab.approvals')],
    // The audit log is for admins only (support reads everything else).
    ...(isAdmin ? [[paths.admin.audit.build(), t('admin.tab.audit')] as const] : []),
  ] as const;

  const openDashboard = async () => {
    const session = await openSession().unwrap();
    window.open(session.url, '_blank', 'noopener');
  };

  return (
    <Page>
      <PageHead eyebrow={t('admin.eyebrow')} title={t('admin.title')} />
      <div className="stack" style={{ gap: 24 }}>
        <nav className="tabs" aria-label={t('admin.tabsLabel')}>
          {tabs.map(([to, label]) => (
            <NavLink key={to} to={to}>
              {label}
            </NavLink>
          ))}
        </nav>
        {isAdmin && (
          <div>
            <Button variant="ghost" size="sm" onClick={openDashboard} loading={opening} data-testid="open-orleans-dashboard">
              {t('admin.orleansDashboard')}
            </Button>
          </div>
        )}
        <Outlet />
      </div>
    </Page>
  );
}
