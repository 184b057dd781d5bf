import { motion, useReducedMotion } from 'motion/react';
import { listContainer, listItem, listItemReduced } from '@/components/motion/page';
import { SkeletonCards } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useT } from '@/lib/i18n';
import { useGetCompaniesQuery } from '../api/catalog-api';
import { CompanyCard } from './company-card';

export function CompanyList() {
  const t = useT();
  const reduce = useReducedMotion();
  const { data, isLoading, isError, error, refetch } = useGetCompaniesQuery();

  if (isLoading) return <SkeletonCards count={6} />;
  if (isError) return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.length === 0)
    return <EmptyState title={t('company.emptyTitle')}>{t('company.emptyText')}</EmptyState>;

  const sorted = [...data].sort((a, b) => b.modelCount - a.modelCount || a.name.localeCompare(b.name));
  return (
    <motion.ul
      className="grid grid--3"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      variants={listContainer}
      initial="hidden"
      animate="show"
    >
      {sorted.map((company) => (
        <motion.li key={company.id} variants={reduce ? listItemReduced : listItem}>
          <CompanyCard company={company} />
        </motion.li>
      ))}
    </motion.ul>
  );
}
