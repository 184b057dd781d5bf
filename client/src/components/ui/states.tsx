import type { ReactNode } from 'react';
import { errorStatus, toProblem, type ApiError } from '@/lib/problem';
import { useT, type Translator } from '@/lib/i18n';
import { Button } from './button';
import { AlertIcon, InboxIcon, RefreshIcon } from './icons';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state" role="status">
      <InboxIcon className="state__icon" />
      <p className="state__title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** A human sentence for a failed call: the server's detail if it sent one, else by status. */
export function describeError(t: Translator, error: ApiError): string {
  const problem = toProblem(error);
  if (problem?.detail) return problem.detail;
  const status = errorStatus(error);
  if (status === null) return t('error.network');
  if (status === 401) return t('error.401');
  if (status === 403) return t('error.403');
  if (status === 404) return t('error.404');
  if (status === 429) return t('error.429');
  if (status >= 500) return t('error.5xx');
  return problem?.title ?? t('error.generic');
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="state state--error" role="alert">
      <AlertIcon className="state__icon" />
      <p className="state__title">{title ?? t('error.title')}</p>
      <p>{describeError(t, error)}</p>
      {onRetry ? (
        <Button size="sm" icon={<RefreshIcon />} onClick={onRetry}>
          {t('action.retry')}
        </Button>
      ) : null}
    </div>
  );
}
