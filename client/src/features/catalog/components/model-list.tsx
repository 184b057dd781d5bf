import { motion, useReducedMotion } from 'motion/react';
import { listContainer, listItem, listItemReduced } from '@/components/motion/page';
import { Button } from '@/components/ui/button';
import { SkeletonCards } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useT } from '@/lib/i18n';
import { useGetCompaniesQuery, useGetModelsQuery, useGetTiersQuery } from '../api/catalog-api';
import { useModelFilters } from '../hooks/use-model-filters';
import { filtersToQuery, hasActiveFilters, PAGE_SIZE } from '../utils/model-filters';
import { ModelCard } from './model-card';
import { ModelFiltersBar } from './model-filters-bar';

/** All models, filtered and sorted by the URL's query string, one page at a time. */
export function ModelList() {
  const t = useT();
  const reduce = useReducedMotion();
  const { filters, update, reset } = useModelFilters();
  const companies = useGetCompaniesQuery();
  const tiers = useGetTiersQuery();
  const { data, isLoading, isFetching, isError, error, refetch } = useGetModelsQuery(
    filtersToQuery(filters),
  );

  const total = data?.total ?? 0;
  const pageSize = data?.pageSize || PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="stack" style={{ gap: 24 }}>
      <ModelFiltersBar
        filters={filters}
        onChange={update}
        onReset={reset}
        companies={companies.data ?? []}
        tiers={[...(tiers.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)}
      />
      {/* the cards' titles are h3: keep the outline h1 → h2 → h3 */}
      <h2 className="visually-hidden">{t('models.results')}</h2>
      <p className="meta" role="status" aria-live="polite">
        {isLoading ? t('state.loading') : data ? t.plural('models.found', total) : ''}
      </p>
      {isLoading ? (
        <SkeletonCards count={6} height={300} />
      ) : isError ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : !data || data.items.length === 0 ? (
        <EmptyState
          title={t('models.emptyTitle')}
          action={
            hasActiveFilters(filters) ? (
              <Button size="sm" onClick={reset}>
                {t('models.clearFilters')}
              </Button>
            ) : undefined
          }
        >
          {hasActiveFilters(filters) ? t('models.emptyFiltered') : t('models.emptyText')}
        </EmptyState>
      ) : (
        <motion.ul
          key={`${filters.page}-${filters.sort}-${filters.order}`}
          className="grid grid--3"
          style={{ listStyle: 'none', margin: 0, padding: 0, opacity: isFetching ? 0.6 : 1 }}
          variants={listContainer}
          initial="hidden"
          animate="show"
          aria-busy={isFetching}
        >
          {data.items.map((model) => (
            <motion.li key={model.id} variants={reduce ? listItemReduced : listItem}>
              <ModelCard model={model} />
            </motion.li>
          ))}
        </motion.ul>
      )}
      {data && pages > 1 ? (
        <nav className="row" aria-label={t('pager.label')} style={{ justifyContent: 'center' }}>
          <Button
            size="sm"
            disabled={filters.page <= 1}
            onClick={() => update({ page: filters.page - 1 })}
            data-testid="models-prev"
          >
            {t('pager.prev')}
          </Button>
          <span className="meta num" aria-current="page">
            {t('pager.pageOf', { page: filters.page, pages })}
          </span>
          <Button
            size="sm"
            disabled={filters.page >= pages}
            onClick={() => update({ page: filters.page + 1 })}
            data-testid="models-next"
          >
            {t('pager.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
