import { useMemo } from 'react';
import { useParams } from 'react-router';
import { CompanyLogo } from '@/components/brand/company-logo';
import { LogoPattern } from '@/components/brand/logo-pattern';
import { Page, Reveal } from '@/components/motion/page';
import { ExternalIcon } from '@/components/ui/icons';
import { Skeleton, SkeletonCards, SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import {
  useGetCompanyModelsQuery,
  useGetCompanyQuery,
  useGetRateLimitsQuery,
} from '@/features/catalog/api/catalog-api';
import { ModelCard } from '@/features/catalog/components/model-card';
import { RateLimitTable } from '@/features/catalog/components/rate-limit-table';
import { errorStatus } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import { NotFoundView } from './not-found';

export function Component() {
  const t = useT();
  const { id = '' } = useParams();
  const company = useGetCompanyQuery(id);
  const models = useGetCompanyModelsQuery(id);
  const limits = useGetRateLimitsQuery();

  const limitRows = useMemo(() => {
    const ids = new Set((models.data ?? []).map((m) => m.id));
    return (limits.data ?? [])
      .filter((l) => ids.has(l.modelId))
      .sort((a, b) => a.modelName.localeCompare(b.modelName))
      .map((l) => ({ ...l, key: l.id }));
  }, [models.data, limits.data]);

  if (company.isError && errorStatus(company.error) === 404) return <NotFoundView />;

  return (
    <Page title={company.data?.name ?? t('company.title')}>
      <div className="hero-area">
        {company.data ? <LogoPattern name={company.data.name} logoKey={company.data.logoKey} /> : null}
        {company.isLoading ? (
          <div className="stack" role="status" aria-label={t('state.loading')}>
            <Skeleton width={72} height={72} radius={18} />
            <Skeleton width="50%" height={48} />
            <Skeleton width="70%" height={20} />
          </div>
        ) : company.isError || !company.data ? (
          <ErrorState error={company.error} onRetry={company.refetch} />
        ) : (
          <header className="page-head" style={{ paddingTop: 32, paddingBottom: 16 }}>
            <CompanyLogo name={company.data.name} logoKey={company.data.logoKey} size="lg" />
            <span className="eyebrow">{t('company.eyebrow')}</span>
            <h1>{company.data.name}</h1>
            {company.data.description ? <p>{company.data.description}</p> : null}
            <div className="row">
              <span className="pill">{t.plural('company.models', company.data.modelCount)}</span>
              {company.data.website ? (
                <a href={company.data.website} target="_blank" rel="noreferrer noopener" className="row" style={{ gap: 6, minHeight: 44 }}>
                  {t('company.website')}
                  <ExternalIcon width={16} height={16} />
                  <span className="visually-hidden">{t('a11y.newTab')}</span>
                </a>
              ) : null}
            </div>
          </header>
        )}
      </div>

      <Reveal aria-labelledby="company-models">
        <div className="section__head">
          <div>
            <span className="eyebrow">{t('company.modelsEyebrow')}</span>
            <h2 id="company-models">{t('company.modelsTitle')}</h2>
          </div>
        </div>
        {models.isLoading ? (
          <SkeletonCards count={3} height={300} />
        ) : models.isError ? (
          <ErrorState error={models.error} onRetry={models.refetch} />
        ) : !models.data || models.data.length === 0 ? (
          <EmptyState title={t('company.noModelsTitle')}>{t('company.noModelsText')}</EmptyState>
        ) : (
          <ul className="grid grid--3" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {models.data.map((m) => (
              <li key={m.id}>
                <ModelCard model={m} showCompany={false} />
              </li>
            ))}
          </ul>
        )}
      </Reveal>

      <Reveal aria-labelledby="company-limits">
        <div className="section__head">
          <div>
            <span className="eyebrow">{t('limits.eyebrow')}</span>
            <h2 id="company-limits">{t('company.limitsTitle')}</h2>
          </div>
        </div>
        {limits.isLoading || models.isLoading ? (
          <SkeletonRows rows={4} />
        ) : limits.isError ? (
          <ErrorState error={limits.error} onRetry={limits.refetch} />
        ) : limitRows.length === 0 ? (
          <EmptyState title={t('limits.emptyTitle')}>{t('limits.emptyText')}</EmptyState>
        ) : (
          <RateLimitTable rows={limitRows} showModel caption={t('company.limitsCaption')} />
        )}
      </Reveal>
    </Page>
  );
}
