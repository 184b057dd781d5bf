import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useT } from '@/lib/i18n';
import type { CreatedApiKey } from '@/types/api';
import { useGetKeysQuery } from '../api/api-keys-api';
import { CreateKeyDialog } from './create-key-dialog';
import { KeyRevealDialog } from './key-reveal-dialog';
import { KeyRow } from './key-row';

/**
 * Lists the user's API keys; creates (the plaintext shown once), renames and revokes them.
 * `modelOptions` are the externalIds the user may restrict a key to.
 */
export function ApiKeyManager({ modelOptions }: { modelOptions: { value: string; label: string }[] }) {
  const t = useT();
  const { data, isLoading, isError, error, refetch } = useGetKeysQuery();
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<CreatedApiKey | null>(null);

  const keys = [...(data ?? [])].sort(
    (a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <div className="stack" data-testid="api-key-manager">
      <div className="row row--between">
        <p className="muted" style={{ maxWidth: 560 }}>
          {t('keys.lead')}
        </p>
        <Button
          variant="primary"
          icon={<PlusIcon />}
          onClick={() => setCreating(true)}
          data-testid="key-create-open"
        >
          {t('keys.create')}
        </Button>
      </div>

      {isLoading ? (
        <SkeletonRows rows={3} />
      ) : isError ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : keys.length === 0 ? (
        <EmptyState title={t('keys.emptyTitle')}>{t('keys.emptyText')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="rtable">
            <caption className="visually-hidden">{t('keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.prefix')}</th>
                <th scope="col">{t('keys.created')}</th>
                <th scope="col">{t('keys.lastUsed')}</th>
                <th scope="col">{t('keys.expires')}</th>
                <th scope="col">{t('keys.models')}</th>
                <th scope="col">{t('keys.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <KeyRow key={key.id} apiKey={key} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        modelOptions={modelOptions}
        onCreated={(created) => {
          setCreating(false);
          setRevealed(created);
        }}
      />
      <KeyRevealDialog created={revealed} onClose={() => setRevealed(null)} />
    </div>
  );
}
