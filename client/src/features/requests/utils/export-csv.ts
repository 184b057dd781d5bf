import type { RequestFilters } from '../api/requests-api';
import { toQueryString } from './request-filters';

/** Fetches the CSV with the JWT (a plain link could not send it) and saves it as a file. */
export async function downloadRequestsCsv(token: string | null, filters: RequestFilters): Promise<void> {
  const query = toQueryString(filters);
  const response = await fetch(`/api/requests/export${query ? `?${query}` : ''}`, {
    headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : `oneai-requests-${new Date().toISOString().slice(0, 10)}.csv`;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
