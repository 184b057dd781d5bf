import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { PlusIcon } from '@/components/ui/icons';
import { SkeletonRows } from '@/components/ui/skeleton';
import { describeError, EmptyState, ErrorState } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import type { Tier } from '@/types/api';
import {
  useCreateTierMutation,
  useDeleteTierMutation,
  useGetAdminTiersQuery,
  useUpdateTierMutation,
} from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';
import { TierForm } from './tier-form';

export function TiersEditor() {
  const t = useT();
  const f = useFormat();
  const readOnly = useReadOnly();
  const { data, isLoading, isError, error, refetch } = useGetAdminTiersQuery();
  const [createTier, createState] = useCreateTierMutation();
  const [updateTier, updateState] = useUpdateTierMutation();
  const [deleteTier, deleteState] = useDeleteTierMutation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tier | null>(null);

  if (isLoading) return <SkeletonRows rows={4} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  const tiers = [...(data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <div className="stack">
      <div className="row row--between">
        <h3>{t('tiers.title')}</h3>
        <Button
          icon={<PlusIcon />}
          disabled={readOnly}
          onClick={() => {
            createState.reset();
            setEditing('new');
          }}
          data-testid="tier-new"
        >
          {t('tiers.create')}
        </Button>
      </div>
      {editing === 'new' ? (
        <div className="card card--flat">
          <TierForm
            busy={createState.isLoading}
            error={createState.error}
            disabled={readOnly}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              try {
                await createTier(input).unwrap();
                setEditing(null);
              } catch {
                // shown in the form
              }
            }}
          />
        </div>
      ) : null}
      {tiers.length === 0 ? (
        <EmptyState title={t('tiers.emptyTitle')} />
      ) : (
        <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {tiers.map((tier) => (
            <li key={tier.id} className="card card--flat stack" data-testid="tier-row">
              {editing === tier.id ? (
                <TierForm
                  tier={tier}
                  busy={updateState.isLoading}
                  error={updateState.error}
                  disabled={readOnly}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (input) => {
                    try {
                      await updateTier({ id: tier.id, ...input }).unwrap();
                      setEditing(null);
                    } catch {
                      // shown in the form
                    }
                  }}
                />
              ) : (
                <div className="row row--between">
                  <div className="stack stack--tight" style={{ minWidth: 0 }}>
                    <div className="row" style={{ gap: 8 }}>
                      <strong style={{ fontFamily: 'var(--font-serif)', fontSize: 20, fontWeight: 500 }}>{tier.name}</strong>
                      {tier.isFree ? <span className="pill pill--olive">{t('tiers.free')}</span> : null}
                      <span className="pill">#{tier.sortOrder}</span>
                    </div>
                    <span className="meta">
                      {f.money(tier.price)}
                      {tier.upgradeThreshold != null
                        ? ` · ${t('tiers.upgradeAt', { amount: f.money(tier.upgradeThreshold) })}`
                        : ''}
                    </span>
                    {tier.description ? <span className="muted">{tier.description}</span> : null}
                  </div>
                  <div className="row" style={{ gap: 8 }}>
                    <Button
                      size="sm"
                      disabled={readOnly}
                      onClick={() => {
                        updateState.reset();
                        setEditing(tier.id);
                      }}
                    >
                      {t('action.edit')}
                    </Button>
                    <Button size="sm" variant="danger" disabled={readOnly} onClick={() => setDeleting(tier)}>
                      {t('action.delete')}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)} title={t('tiers.deleteTitle')}>
        <p className="muted">{t('tiers.deleteText', { name: deleting?.name ?? '' })}</p>
        {deleteState.isError ? (
          <p className="alert" role="alert">
            {describeError(t, deleteState.error)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={() => setDeleting(null)}>{t('action.cancel')}</Button>
          <Button
            variant="danger"
            loading={deleteState.isLoading}
            onClick={async () => {
              if (!deleting) return;
              try {
                await deleteTier(deleting.id).unwrap();
                setDeleting(null);
              } catch {
                // shown in the dialog
              }
            }}
          >
            {t('action.delete')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
