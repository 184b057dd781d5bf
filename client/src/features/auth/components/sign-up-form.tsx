import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Checkbox, TextField } from '@/components/ui/field';
import { describeError } from '@/components/ui/states';
import { paths, safeReturnTo } from '@/config/paths';
import { fieldErrors, toProblem } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import { useRegisterMutation } from '../api/auth-api';

/** The server's rule (PasswordRules.cs): at least 10 characters with a letter and a digit. */
export const MIN_PASSWORD = 10;

export function SignUpForm() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const [register, { isLoading, error }] = useRegisterMutation();
  const [v, setV] = useState({ email: '', password: '', displayName: '', requestFreeTier: true });
  const [local, setLocal] = useState<Record<string, string>>({});

  const problem = toProblem(error);
  const errors = { ...fieldErrors(problem), ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(v.email.trim())) problems.email = t('auth.emailInvalid');
    if (v.password.length < MIN_PASSWORD) problems.password = t('auth.passwordShort', { n: MIN_PASSWORD });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await register({
        email: v.email.trim(),
        password: v.password,
        displayName: v.displayName.trim() || undefined,
        requestFreeTier: v.requestFreeTier,
      }).unwrap();
      navigate(safeReturnTo(returnTo), { replace: true });
    } catch {
      // problem details are shown in place
    }
  }

  const general = error && !problem?.errors ? describeError(t, error) : problem?.detail;

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="signup-form">
      {general ? (
        <p className="alert" role="alert" data-testid="signup-error">
          {general}
        </p>
      ) : null}
      <TextField
        label={t('auth.displayName')}
        name="displayName"
        autoComplete="nickname"
        value={v.displayName}
        onChange={(e) => setV({ ...v, displayName: e.target.value })}
        error={errors.displayName}
        hint={t('auth.optional')}
        maxLength={100}
        data-testid="signup-name"
      />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        value={v.email}
        onChange={(e) => setV({ ...v, email: e.target.value })}
        error={errors.email}
        required
        data-testid="signup-email"
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        value={v.password}
        onChange={(e) => setV({ ...v, password: e.target.value })}
        error={errors.password}
        hint={t('auth.passwordHint', { n: MIN_PASSWORD })}
        required
        data-testid="signup-password"
      />
      <Checkbox
        label={t('auth.requestFree')}
        checked={v.requestFreeTier}
        onChange={(e) => setV({ ...v, requestFreeTier: e.target.checked })}
        data-testid="signup-free-tier"
      />
      <Button type="submit" variant="primary" block loading={isLoading} data-testid="signup-submit">
        {t('auth.createAccount')}
      </Button>
      <p className="muted" style={{ fontSize: 15 }}>
        {t('auth.haveAccount')} <Link to={paths.signIn.build(returnTo ?? undefined)}>{t('auth.signIn')}</Link>
      </p>
    </form>
  );
}
