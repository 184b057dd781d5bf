import { SkeletonCards } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useFormat, useT } from '@/lib/i18n';
import { useGetLimitsQuery } from '../api/dashboard-api';
import { RateLimitRing } from './rate-limit-ring';

export const LIMITS_POLL_MS = 5000;

/** Balance, spend, monthly tokens and one live ring per model (polled every 5 s). */
export function LimitsDisplay() {
  const t = useT();
  const f = useFormat();
  const { data, isLoading, isError, error, refetch, fulfilledTimeStamp } = useGetLimitsQuery(undefined, {
    pollingInterval: LIMITS_POLL_MS,
    skipPollingIfUnfocused: true,
  });

  if (isLoading) return <SkeletonCards count={3} height={220} />;
  if (isError && !data) return <ErrorState error={error} onRetry={refetch} />;
  if (!data) return null;

  const monthlyShare =
    data.monthlyTokenLimit && data.monthlyTokenLimit > 0
      ? Math.min(1, data.monthlyTokensUsed / data.monthlyTokenLimit)
      : null;

  return (
    <div className="stack" style={{ gap: 24 }}>
      <dl className="facts">
        <div>
          <dt>{t('dash.balance')}</dt>
          <dd data-testid="dash-balance">{f.money(data.balance)}</dd>
        </div>
        <div>
          <dt>{t('dash.totalSpent')}</dt>
          <dd>{f.money(data.totalSpent)}</dd>
        </div>
        <div>
          <dt>{t('dash.monthlyTokens')}</dt>
          <dd>
            {f.compact(data.monthlyTokensUsed)}
            <span className="meta">
              {' / '}
              {data.monthlyTokenLimit === null ? t('limits.unlimited') : f.compact(data.monthlyTokenLimit)}
            </span>
          </dd>
          {monthlyShare !== null ? (
            <div
              className="bar"
              role="progressbar"
              aria-label={t('dash.monthlyTokens')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(monthlyShare * 100)}
            >
              <span
                style={{
                  width: `${monthlyShare * 100}%`,
                  background:
                    monthlyShare >= 0.8 ? 'var(--danger)' : monthlyShare >= 0.5 ? 'var(--clay)' : 'var(--olive)',
                }}
              />
            </div>
          ) : null}
        </div>
        <div>
          <dt>{t('dash.tier')}</dt>
          <dd>{data.tier.name}</dd>
        </div>
      </dl>

      <div className="section__head">
        <div>
          <span className="eyebrow">{t('dash.liveEyebrow')}</span>
          <h3>{t('dash.limitsTitle')}</h3>
        </div>
        <p className="meta" aria-live="polite">
          {isError
            ? t('dash.pollFailed')
            : fulfilledTimeStamp
              ? t('dash.updatedAt', { time: f.time(new Date(fulfilledTimeStamp).toISOString()) })
              : ''}
        </p>
      </div>
      {data.models.length === 0 ? (
        <EmptyState title={t('dash.noModelsTitle')}>{t('dash.noModelsText')}</EmptyState>
      ) : (
        <div
          className="grid"
          style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 160px), 1fr))', gap: 12 }}
        >
          {data.models.map((m) => (
            <RateLimitRing key={m.modelId} usage={m} />
          ))}
        </div>
      )}
    </div>
  );
}
