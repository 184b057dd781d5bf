import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import { useGetAuditQuery } from '../api/admin-api';

const PAGE_SIZE = 25;

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return <span className="meta">—</span>;
  let text: string;
  try {
    text = JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value, null, 2);
  } catch {
    text = String(value);
  }
  return (
    <details className="json">
      <summary>{label}</summary>
      <pre>{text}</pre>
    </details>
  );
}

export function AuditLog() {
  const t = useT();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching, isError, error, refetch } = useGetAuditQuery({ page, pageSize: PAGE_SIZE });
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;

  if (isLoading) return <SkeletonRows rows={8} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.items.length === 0) return <EmptyState title={t('audit.emptyTitle')} />;

  return (
    <div className="stack">
      <div className="table-wrap" style={{ opacity: isFetching ? 0.6 : 1 }}>
        <table className="rtable">
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td className="nowrap" data-label={t('audit.time')}>
                  {f.dateTime(entry.createdAt)}
                </td>
                <td data-label={t('audit.actor')}>
                  <span className="break">{entry.actorEmail ?? t('audit.system')}</span>
                </td>
                <td data-label={t('audit.action')}>
                  <code className="inline-code">{entry.action}</code>
                </td>
                <td data-label={t('audit.entity')}>
                  <span className="break">
                    {entry.entityType}
                    {entry.entityId ? <span className="meta mono"> {entry.entityId}</span> : null}
                  </span>
                </td>
                <td data-label={t('audit.before')}>
                  <Json label={t('audit.show')} value={entry.before} />
                </td>
                <td data-label={t('audit.after')}>
                  <Json label={t('audit.show')} value={entry.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="row" aria-label={t('pager.label')} style={{ justifyContent: 'center' }}>
          <Button size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('pager.prev')}
          </Button>
          <span className="meta num">{t('pager.pageOf', { page, pages })}</span>
          <Button size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('pager.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
