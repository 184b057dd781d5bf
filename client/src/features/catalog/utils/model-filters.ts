import type { ModelQuery } from '../api/catalog-api';

export type SortKey = 'name' | 'price' | 'context';
export type SortOrder = 'asc' | 'desc';

export interface ModelFilters {
  company: string;
  tier: string;
  capability: string;
  q: string;
  sort: SortKey;
  order: SortOrder;
  page: number;
}

export const DEFAULT_FILTERS: ModelFilters = {
  company: '',
  tier: '',
  capability: '',
  q: '',
  sort: 'name',
  order: 'asc',
  page: 1,
};

export const PAGE_SIZE = 24;

const SORTS: readonly SortKey[] = ['name', 'price', 'context'];

/** Reads the filters from the URL query string, ignoring anything malformed. */
export function parseModelFilters(params: URLSearchParams): ModelFilters {
  const sort = params.get('sort');
  const order = params.get('order');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    company: params.get('company') ?? '',
    tier: params.get('tier') ?? '',
    capability: params.get('capability') ?? '',
    q: params.get('q') ?? '',
    sort: SORTS.includes(sort as SortKey) ? (sort as SortKey) : DEFAULT_FILTERS.sort,
    order: order === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** Writes only what differs from the defaults, so clean URLs stay clean. */
export function modelFiltersToParams(filters: ModelFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.company) params.set('company', filters.company);
  if (filters.tier) params.set('tier', filters.tier);
  if (filters.capability) params.set('capability', filters.capability);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order !== DEFAULT_FILTERS.order) params.set('order', filters.order);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function filtersToQuery(filters: ModelFilters): ModelQuery {
  return {
    company: filters.company || undefined,
    tier: filters.tier || undefined,
    capability: filters.capability || undefined,
    q: filters.q.trim() || undefined,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}

export function hasActiveFilters(filters: ModelFilters): boolean {
  return !!(filters.company || filters.tier || filters.capability || filters.q.trim());
}
