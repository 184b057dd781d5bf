import { Navigate, useSearchParams } from 'react-router';
import { useAppSelector } from '@/app/hooks';
import { Page } from '@/components/motion/page';
import { safeReturnTo } from '@/config/paths';
import { selectToken } from '@/features/auth/auth-slice';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const token = useAppSelector(selectToken);
  const [params] = useSearchParams();
  if (token) return <Navigate to={safeReturnTo(params.get('returnTo'))} replace />;
  return (
    <Page title={t('auth.signInTitle')}>
      <div className="auth-card card">
        <header className="page-head">
          <span className="eyebrow">{t('auth.signInEyebrow')}</span>
          <h1 style={{ fontSize: 40 }}>{t('auth.signInTitle')}</h1>
          {params.get('returnTo') ? <p className="muted">{t('auth.signInToContinue')}</p> : null}
        </header>
        <SignInForm />
      </div>
    </Page>
  );
}
