import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { english } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { useModelFilters } from '../hooks/use-model-filters';
import {
  DEFAULT_FILTERS,
  filtersToQuery,
  modelFiltersToParams,
  parseModelFilters,
} from './model-filters';

describe('model filters ↔ URL', () => {
  it('parses a query string and ignores junk', () => {
    const f = parseModelFilters(new URLSearchParams('company=c1&tier=t2&capability=vision&q=gpt&sort=price&order=desc&page=3'));
    expect(f).toEqual({ company: 'c1', tier: 't2', capability: 'vision', q: 'gpt', sort: 'price', order: 'desc', page: 3 });
    expect(parseModelFilters(new URLSearchParams('sort=evil&order=up&page=-4'))).toEqual(DEFAULT_FILTERS);
  });

  it('writes only non-default values and round-trips', () => {
    expect(modelFiltersToParams(DEFAULT_FILTERS).toString()).toBe('');
    const f = { ...DEFAULT_FILTERS, q: ' claude ', sort: 'context' as const, order: 'desc' as const, page: 2 };
    const params = modelFiltersToParams(f);
    expect(params.toString()).toBe('q=claude&sort=context&order=desc&page=2');
    expect(parseModelFilters(params)).toEqual({ ...f, q: 'claude' });
  });

  it('maps to the API query with a page size', () => {
    expect(filtersToQuery({ ...DEFAULT_FILTERS, company: 'c1' })).toMatchObject({
      company: 'c1',
      tier: undefined,
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 24,
    });
  });

  it('keeps the hook state in the URL and resets paging on a filter change', () => {
    function Probe() {
      const { filters, update } = useModelFilters();
      return (
        <>
          <span data-testid="page">{filters.page}</span>
          <button onClick={() => update({ page: filters.page + 1 })}>next</button>
          <button onClick={() => update({ capability: 'vision' })}>vision</button>
        </>
      );
    }
    renderWithProviders(<Probe />, { route: '/models?sort=price', preloadedState: english });
    fireEvent.click(screen.getByText('next'));
    expect(screen.getByTestId('location')).toHaveTextContent('/models?sort=price&page=2');
    fireEvent.click(screen.getByText('vision'));
    expect(screen.getByTestId('location')).toHaveTextContent('/models?capability=vision&sort=price');
    expect(screen.getByTestId('page')).toHaveTextContent('1');
  });
});
