import { useMemo, useState } from 'react';
import { TextField } from '@/components/ui/field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useT } from '@/lib/i18n';
import { useGetAdminModelsQuery } from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';
import { ModelConfigRow } from './model-config-row';

export function AdminModels() {
  const t = useT();
  const readOnly = useReadOnly();
  const { data, isLoading, isError, error, refetch } = useGetAdminModelsQuery();
  const [q, setQ] = useState('');

  const models = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return [...(data ?? [])]
      .filter(
        (m) =>
          !needle ||
          m.name.toLowerCase().includes(needle) ||
          m.externalId.toLowerCase().includes(needle) ||
          m.companyName.toLowerCase().includes(needle),
      )
      .sort((a, b) => a.companyName.localeCompare(b.companyName) || a.name.localeCompare(b.name));
  }, [data, q]);

  if (isLoading) return <SkeletonRows rows={8} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.length === 0)
    return <EmptyState title={t('adminModels.emptyTitle')}>{t('adminModels.emptyText')}</EmptyState>;

  return (
    <div className="stack">
      <div className="row row--between">
        <TextField
          label={t('adminModels.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        <p className="meta">{t('adminModels.hint')}</p>
      </div>
      {readOnly ? <p className="meta">{t('admin.readOnly')}</p> : null}
      {models.length === 0 ? (
        <EmptyState title={t('models.emptyTitle')} />
      ) : (
        <div className="table-wrap">
          <table className="rtable">
            <caption className="visually-hidden">{t('adminModels.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminModels.model')}</th>
                <th scope="col" className="r">
                  {t('adminModels.inputPrice')}
                </th>
                <th scope="col" className="r">
                  {t('adminModels.outputPrice')}
                </th>
                <th scope="col">{t('adminModels.enabled')}</th>
                <th scope="col">{t('adminModels.free')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <ModelConfigRow key={`${m.id}-${JSON.stringify(m.config)}`} model={m} readOnly={readOnly} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
