import { useEffect, useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import { CAPABILITIES, type Company, type Tier } from '@/types/api';
import type { ModelFilters } from '../utils/model-filters';
import { hasActiveFilters } from '../utils/model-filters';
import { useCapabilityLabel } from './capability-pills';

export function ModelFiltersBar({
  filters,
  onChange,
  onReset,
  companies,
  tiers,
}: {
  filters: ModelFilters;
  onChange: (patch: Partial<ModelFilters>, options?: { replace?: boolean }) => void;
  onReset: () => void;
  companies: Company[];
  tiers: Tier[];
}) {
  const t = useT();
  const capabilityLabel = useCapabilityLabel();
  const [text, setText] = useState(filters.q);

  // Keep the box in step with the URL (back button), and debounce typing into it.
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = window.setTimeout(() => onChange({ q: text }, { replace: true }), 300);
    return () => window.clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const sortValue = `${filters.sort}:${filters.order}`;
  return (
    <form
      className="card card--flat"
      role="search"
      aria-label={t('models.filtersLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: text });
      }}
    >
      <div className="form-grid">
        <TextField
          label={t('models.search')}
          type="search"
          value={text}
          placeholder={t('models.searchPlaceholder')}
          onChange={(event) => setText(event.target.value)}
          data-testid="models-search"
        />
        <SelectField
          label={t('models.company')}
          value={filters.company}
          onChange={(event) => onChange({ company: event.target.value })}
          data-testid="models-filter-company"
        >
          <option value="">{t('models.any')}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('models.tier')}
          value={filters.tier}
          onChange={(event) => onChange({ tier: event.target.value })}
          data-testid="models-filter-tier"
        >
          <option value="">{t('models.any')}</option>
          {tiers.map((tier) => (
            <option key={tier.id} value={tier.id}>
              {tier.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('models.capability')}
          value={filters.capability}
          onChange={(event) => onChange({ capability: event.target.value })}
          data-testid="models-filter-capability"
        >
          <option value="">{t('models.any')}</option>
          {CAPABILITIES.map((c) => (
            <option key={c} value={c}>
              {capabilityLabel(c)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('models.sort')}
          value={sortValue}
          onChange={(event) => {
            const [sort, order] = event.target.value.split(':') as [ModelFilters['sort'], ModelFilters['order']];
            onChange({ sort, order });
          }}
          data-testid="models-sort"
        >
          <option value="name:asc">{t('models.sortNameAsc')}</option>
          <option value="name:desc">{t('models.sortNameDesc')}</option>
          <option value="price:asc">{t('models.sortPriceAsc')}</option>
          <option value="price:desc">{t('models.sortPriceDesc')}</option>
          <option value="context:desc">{t('models.sortContextDesc')}</option>
          <option value="context:asc">{t('models.sortContextAsc')}</option>
        </SelectField>
      </div>
      {hasActiveFilters(filters) ? (
        <div className="row" style={{ marginTop: 12 }}>
          <Button size="sm" variant="ghost" onClick={onReset}>
            {t('models.clearFilters')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
