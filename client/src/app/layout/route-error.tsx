import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';

/** Shown when a page fails to load (e.g. a stale chunk after a deploy) or throws. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : '';
  return (
    <div className="state state--error" role="alert" style={{ margin: 24 }}>
      <p className="state__title">{t('error.pageTitle')}</p>
      <p>{t('error.pageText')}</p>
      {detail ? <p className="meta mono">{detail}</p> : null}
      <Button onClick={() => window.location.reload()}>{t('action.reload')}</Button>
    </div>
  );
}
