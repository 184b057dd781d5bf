import { NavLink, Outlet } from 'react-router';
import { Page, PageHead } from '@/components/motion/page';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const tabs = [
    [paths.admin.sync.build(), t('admin.tab.sync')],
    [paths.admin.models.build(), t('admin.tab.models')],
    [paths.admin.tiers.build(), t('admin.tab.tiers')],
    [paths.admin.users.build(), t('admin.tab.users')],
    [paths.admin.approvals.build(), t('admin.tab.approvals')],
    [paths.admin.audit.build(), t('admin.tab.audit')],
  ] as const;
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
        <Outlet />
      </div>
    </Page>
  );
}
