import { SkeletonCards } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import { useGetTiersQuery } from '../api/catalog-api';

export function TiersOverview() {
  const t = useT();
  const f = useFormat();
  const { data, isLoading, isError, error, refetch } = useGetTiersQuery();

  if (isLoading) return <SkeletonCards count={4} height={180} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.length === 0) return <EmptyState title={t('tiers.emptyTitle')} />;

  const tiers = [...data].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <ul className="grid grid--4" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tiers.map((tier, index) => (
        <li key={tier.id} className="card card--flat stack" data-testid="tier-card">
          <span className="eyebrow">{t('tiers.level', { n: index + 1 })}</span>
          <h3 className="card__title">{tier.name}</h3>
          <p className="num" style={{ fontFamily: 'var(--font-serif)', fontSize: 28 }}>
            {tier.isFree ? f.money(0) : tier.price > 0 ? f.money(tier.price) : t('tiers.payg')}
          </p>
          {tier.description ? <p className="muted" style={{ fontSize: 15 }}>{tier.description}</p> : null}
          <div className="card__foot">
            {tier.isFree ? (
              <span className="pill pill--olive">{t('tiers.needsApproval')}</span>
            ) : tier.upgradeThreshold ? (
              <span className="pill">{t('tiers.upgradeAt', { amount: f.money(tier.upgradeThreshold) })}</span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
