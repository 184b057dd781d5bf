import { Link, useParams } from 'react-router';
import { LogoPattern } from '@/components/brand/logo-pattern';
import { Page, Reveal } from '@/components/motion/page';
import { Skeleton, SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { useExampleKey } from '@/app/use-example-key';
import { useGetCompanyQuery, useGetModelQuery } from '@/features/catalog/api/catalog-api';
import { CapabilityPills } from '@/features/catalog/components/capability-pills';
import { RateLimitTable } from '@/features/catalog/components/rate-limit-table';
import { RequestExample } from '@/features/catalog/components/request-example';
import { errorStatus } from '@/lib/problem';
import { useFormat, useT } from '@/lib/i18n';
import { NotFoundView } from './not-found';

export function Component() {
  const t = useT();
  const f = useFormat();
  const { id = '' } = useParams();
  const { data: model, isLoading, isError, error, refetch } = useGetModelQuery(id);
  const company = useGetCompanyQuery(model?.companyId ?? '', { skip: !model?.companyId });
  const exampleKey = useExampleKey();

  if (isError && errorStatus(error) === 404) return <NotFoundView />;

  return (
    <Page title={model?.name ?? t('model.title')}>
      <div className="hero-area">
        {company.data ? <LogoPattern name={company.data.name} logoKey={company.data.logoKey} /> : null}
        {isLoading ? (
          <div className="stack" role="status" aria-label={t('state.loading')}>
            <Skeleton width={160} height={14} />
            <Skeleton width="60%" height={48} />
            <Skeleton width="100%" height={96} radius={14} />
          </div>
        ) : isError || !model ? (
          <ErrorState error={error} onRetry={refetch} />
        ) : (
          <header className="page-head" style={{ paddingTop: 24, maxWidth: 'none' }}>
            <Link to={paths.company.build(model.companyId)} className="eyebrow" style={{ textDecoration: 'none', minHeight: 44 }}>
              {model.companyName}
            </Link>
            <h1 className="break">{model.name}</h1>
            <code className="inline-code" style={{ alignSelf: 'flex-start' }}>
              {model.externalId}
            </code>
            {model.description ? <p>{model.description}</p> : null}
            <div className="pills">
              {model.isFree ? <span className="pill pill--olive">{t('model.free')}</span> : null}
              {!model.isAvailable ? <span className="pill pill--danger">{t('model.unavailable')}</span> : null}
              {model.mode ? <span className="pill">{t('model.mode', { mode: model.mode })}</span> : null}
              {model.tiers.map((tier) => (
                <span key={tier} className="pill pill--sky">
                  {tier}
                </span>
              ))}
            </div>
          </header>
        )}
      </div>

      {model ? (
        <>
          <Reveal aria-labelledby="model-facts">
            <h2 id="model-facts" className="visually-hidden">
              {t('model.details')}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('model.context')}</dt>
                <dd>{model.contextWindow ? t('model.tokens', { value: f.int(model.contextWindow) }) : '—'}</dd>
              </div>
              <div>
                <dt>{t('model.maxOutput')}</dt>
                <dd>{model.maxOutputTokens ? t('model.tokens', { value: f.int(model.maxOutputTokens) }) : '—'}</dd>
              </div>
              <div>
                <dt>{t('model.inputPrice')}</dt>
                <dd>{f.price(model.inputPricePerMillion)}</dd>
              </div>
              <div>
                <dt>{t('model.outputPrice')}</dt>
                <dd>{f.price(model.outputPricePerMillion)}</dd>
              </div>
            </dl>
            <div className="stack stack--tight">
              <span className="eyebrow">{t('model.capabilities')}</span>
              {model.capabilities.length > 0 ? (
                <CapabilityPills capabilities={model.capabilities} />
              ) : (
                <span className="muted">{t('model.noCapabilities')}</span>
              )}
            </div>
          </Reveal>

          <Reveal aria-labelledby="model-limits">
            <div className="section__head">
              <div>
                <span className="eyebrow">{t('limits.eyebrow')}</span>
                <h2 id="model-limits">{t('model.limitsTitle')}</h2>
              </div>
            </div>
            {model.limits.length === 0 ? (
              <EmptyState title={t('limits.emptyTitle')}>{t('model.notOffered')}</EmptyState>
            ) : (
              <>
                <RateLimitTable
                  rows={model.limits.map((l) => ({ ...l, key: l.tierId }))}
                  caption={t('model.limitsCaption')}
                />
                {model.limits.some((l) => l.inherited) ? (
                  <p className="meta">{t('limits.inheritedHint')}</p>
                ) : null}
              </>
            )}
          </Reveal>

          <Reveal aria-labelledby="model-example">
            <div className="section__head">
              <div>
                <span className="eyebrow">{t('example.eyebrow')}</span>
                <h2 id="model-example">{t('example.title')}</h2>
              </div>
            </div>
            <p className="prose">
              {exampleKey.kind === 'created'
                ? t('example.withCreatedKey')
                : exampleKey.kind === 'prefix'
                  ? t('example.withPrefix')
                  : t('example.withPlaceholder')}
            </p>
            <RequestExample model={model.externalId} apiKey={exampleKey.value} />
          </Reveal>
        </>
      ) : isLoading ? (
        <SkeletonRows rows={4} />
      ) : null}
    </Page>
  );
}
