import { MotionConfig } from 'motion/react';
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useAppDispatch, useAppSelector } from '@/app/hooks';
import { Button, ButtonLink } from '@/components/ui/button';
import {
  BookIcon,
  BrandMark,
  GaugeIcon,
  GridIcon,
  HomeIcon,
  ListIcon,
  ShieldIcon,
  UserIcon,
} from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useGetProfileQuery } from '@/features/auth/api/auth-api';
import { isStaff, selectRole, selectToken, selectUser } from '@/features/auth/auth-slice';
import { signOut } from '@/features/auth/sign-out';
import { useT } from '@/lib/i18n';
import { LanguageSwitch } from './language-switch';
import { ScrollToTop } from './scroll-to-top';

export function AppShell() {
  const t = useT();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const token = useAppSelector(selectToken);
  const user = useAppSelector(selectUser);
  const role = useAppSelector(selectRole);
  // Keeps the stored profile (role, tier, status) fresh while signed in.
  useGetProfileQuery(undefined, { skip: !token });
  const staff = isStaff(role);

  function handleSignOut() {
    dispatch(signOut());
    navigate(paths.home.build());
  }

  return (
    <MotionConfig reducedMotion="user">
      <ScrollToTop />
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="lattice" aria-hidden="true" />
      <div className="shell">
        <header className="header">
          <div className="header__inner">
            <Link to={paths.home.build()} className="brand" aria-label={t('nav.homeAria')}>
              <BrandMark />
              <span>{t('brand.name')}</span>
            </Link>
            <nav className="nav" aria-label={t('nav.main')}>
              <NavLink to={paths.models.build()}>{t('nav.models')}</NavLink>
              <NavLink to={paths.docs.build()}>{t('nav.docs')}</NavLink>
              {token ? <NavLink to={paths.dashboard.build()}>{t('nav.dashboard')}</NavLink> : null}
              {token ? <NavLink to={paths.requests.build()}>{t('nav.requests')}</NavLink> : null}
              {staff ? <NavLink to={paths.admin.root.build()}>{t('nav.admin')}</NavLink> : null}
            </nav>
            <div className="header__end">
              <LanguageSwitch />
              {token ? (
                <>
                  <span className="header__user" title={user?.email}>
                    {user?.displayName || user?.email}
                  </span>
                  <Button size="sm" variant="ghost" onClick={handleSignOut} data-testid="signout">
                    {t('nav.signOut')}
                  </Button>
                </>
              ) : (
                <>
                  <ButtonLink to={paths.signIn.build()} size="sm" variant="ghost" className="hide-xs">
                    {t('nav.signIn')}
                  </ButtonLink>
                  <ButtonLink to={paths.signUp.build()} size="sm" variant="primary">
                    {t('nav.signUp')}
                  </ButtonLink>
                </>
              )}
            </div>
          </div>
        </header>

        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<Skeleton height={320} radius={14} />}>
            <Outlet />
          </Suspense>
        </main>

        <footer className="footer">
          <div className="footer__inner">
            <span>{t('footer.tagline')}</span>
            <nav aria-label={t('footer.nav')} className="row" style={{ gap: 16 }}>
              <Link to={paths.models.build()}>{t('nav.models')}</Link>
              <Link to={paths.docs.build()}>{t('nav.docs')}</Link>
              <a href={paths.swagger.build()}>{t('footer.swagger')}</a>
            </nav>
          </div>
        </footer>

        <nav className="tabbar" aria-label={t('nav.tabs')}>
          <NavLink to={paths.home.build()} end>
            <HomeIcon />
            <span>{t('nav.home')}</span>
          </NavLink>
          <NavLink to={paths.models.build()}>
            <GridIcon />
            <span>{t('nav.models')}</span>
          </NavLink>
          <NavLink to={paths.docs.build()}>
            <BookIcon />
            <span>{t('nav.docsShort')}</span>
          </NavLink>
          {token ? (
            <>
              <NavLink to={paths.requests.build()}>
                <ListIcon />
                <span>{t('nav.requests')}</span>
              </NavLink>
              <NavLink to={paths.dashboard.build()}>
                <GaugeIcon />
                <span>{t('nav.dashboardShort')}</span>
              </NavLink>
              {staff ? (
                <NavLink to={paths.admin.root.build()}>
                  <ShieldIcon />
                  <span>{t('nav.admin')}</span>
                </NavLink>
              ) : null}
            </>
          ) : (
            <NavLink to={paths.signIn.build()}>
              <UserIcon />
              <span>{t('nav.signIn')}</span>
            </NavLink>
          )}
        </nav>
      </div>
    </MotionConfig>
  );
}
