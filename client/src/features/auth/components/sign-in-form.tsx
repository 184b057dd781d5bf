import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { describeError } from '@/components/ui/states';
import { paths, safeReturnTo } from '@/config/paths';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import { useLoginMutation } from '../api/auth-api';

export function SignInForm() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const [login, { isLoading, error }] = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  const problem = toProblem(error);
  const errors = { ...fieldErrors(problem), ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems.email = t('auth.emailRequired');
    if (!password) problems.password = t('auth.passwordRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await login({ email: email.trim(), password }).unwrap();
      navigate(safeReturnTo(returnTo), { replace: true });
    } catch {
      // problem details are shown in place
    }
  }

  const general = error && !problem?.errors ? describeError(t, error) : problem?.detail;
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="signin-form" aria-describedby={general ? 'signin-error' : undefined}>
      {general ? (
        <p className="alert" role="alert" id="signin-error" data-testid="signin-error">
          {general}
        </p>
      ) : null}
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        required
        data-testid="signin-email"
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
        data-testid="signin-password"
      />
      <Button type="submit" variant="primary" block loading={isLoading} data-testid="signin-submit">
        {t('auth.signIn')}
      </Button>
      <p className="muted" style={{ fontSize: 15 }}>
        {t('auth.noAccount')}{' '}
        <Link to={paths.signUp.build(returnTo ?? undefined)}>{t('auth.createAccount')}</Link>
      </p>
    </form>
  );
}
