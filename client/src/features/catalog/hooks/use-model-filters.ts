import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  DEFAULT_FILTERS,
  modelFiltersToParams,
  parseModelFilters,
  type ModelFilters,
} from '../utils/model-filters';

/** Filter state that lives in the URL query string (shareable, back-button friendly). */
export function useModelFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseModelFilters(params), [params]);

  const update = useCallback(
    (patch: Partial<ModelFilters>, options?: { replace?: boolean }) => {
      const next = { ...filters, ...patch };
      // Any change other than paging starts again from the first page.
      if (!('page' in patch)) next.page = 1;
      setParams(modelFiltersToParams(next), { replace: options?.replace ?? false });
    },
    [filters, setParams],
  );

  const reset = useCallback(() => setParams(modelFiltersToParams(DEFAULT_FILTERS)), [setParams]);

  return { filters, update, reset };
}
