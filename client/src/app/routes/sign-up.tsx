import { Navigate, useSearchParams } from 'react-router';
import { useAppSelector } from '@/app/hooks';
import { Page } from '@/components/motion/page';
import { safeReturnTo } from '@/config/paths';
import { selectToken } from '@/features/auth/auth-slice';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const token = useAppSelector(selectToken);
  const [params] = useSearchParams();
  if (token) return <Navigate to={safeReturnTo(params.get('returnTo'))} replace />;
  return (
    <Page title={t('auth.signUpTitle')}>
      <div className="auth-card card">
        <header className="page-head">
          <span className="eyebrow">{t('auth.signUpEyebrow')}</span>
          <h1 style={{ fontSize: 40 }}>{t('auth.signUpTitle')}</h1>
          <p className="muted">{t('auth.signUpLead')}</p>
        </header>
        <SignUpForm />
      </div>
    </Page>
  );
}
