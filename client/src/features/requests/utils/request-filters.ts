import type { RequestFilters } from '../api/requests-api';

/** The form's values: plain yyyy-mm-dd dates, as <input type="date"> gives them. */
export interface RequestFilterForm {
  model: string;
  keyId: string;
  from: string;
  to: string;
}

export const EMPTY_REQUEST_FILTERS: RequestFilterForm = { model: '', keyId: '', from: '', to: '' };

export function parseRequestFilters(params: URLSearchParams): RequestFilterForm {
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    model: params.get('model') ?? '',
    keyId: params.get('keyId') ?? '',
    from: date(params.get('from')),
    to: date(params.get('to')),
  };
}

export function requestFiltersToParams(form: RequestFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v) params.set(k, v);
  return params;
}

/** Local calendar days become instants: `from` at the day's start, `to` at its end. */
export function toApiFilters(form: RequestFilterForm): RequestFilters {
  return {
    model: form.model || undefined,
    keyId: form.keyId || undefined,
    from: form.from ? new Date(`${form.from}T00:00:00`).toISOString() : undefined,
    to: form.to ? new Date(`${form.to}T23:59:59.999`).toISOString() : undefined,
  };
}

export function toQueryString(filters: RequestFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return params.toString();
}
