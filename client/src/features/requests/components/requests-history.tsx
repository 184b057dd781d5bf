import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useAppSelector } from '@/app/hooks';
import { Button } from '@/components/ui/button';
import { SelectField, Switch, TextField } from '@/components/ui/field';
import { DownloadIcon } from '@/components/ui/icons';
import { SkeletonRows } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { selectAuthToken } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useGetRequestsInfiniteQuery } from '../api/requests-api';
import { downloadRequestsCsv } from '../utils/export-csv';
import {
  EMPTY_REQUEST_FILTERS,
  parseRequestFilters,
  requestFiltersToParams,
  toApiFilters,
  type RequestFilterForm,
} from '../utils/request-filters';
import { RequestsTable } from './requests-table';

export interface Option {
  value: string;
  label: string;
}

/** Request history with filters in the URL, cursor paging, cost breakdown and CSV export. */
export function RequestsHistory({ modelOptions, keyOptions }: { modelOptions: Option[]; keyOptions: Option[] }) {
  const t = useT();
  const token = useAppSelector(selectAuthToken);
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => parseRequestFilters(params), [params]);
  const [form, setForm] = useState<RequestFilterForm>(applied);
  const [breakdown, setBreakdown] = useState(params.get('breakdown') === '1');
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [rangeError, setRangeError] = useState<string | null>(null);

  const apiFilters = useMemo(() => toApiFilters(applied), [applied]);
  const { data, isLoading, isError, error, refetch, fetchNextPage, hasNextPage, isFetchingNextPage, isFetching } =
    useGetRequestsInfiniteQuery(apiFilters);

  const rows = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const totals = data?.pages[0]?.totals ?? null;
  const filtered = Object.values(applied).some(Boolean);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (form.from && form.to && form.from > form.to) {
      setRangeError(t('requests.rangeError'));
      return;
    }
    setRangeError(null);
    const next = requestFiltersToParams(form);
    if (breakdown) next.set('breakdown', '1');
    setParams(next);
  }

  function clear() {
    setForm(EMPTY_REQUEST_FILTERS);
    setRangeError(null);
    setParams(breakdown ? new URLSearchParams({ breakdown: '1' }) : new URLSearchParams());
  }

  function toggleBreakdown(next: boolean) {
    setBreakdown(next);
    const p = new URLSearchParams(params);
    if (next) p.set('breakdown', '1');
    else p.delete('breakdown');
    setParams(p, { replace: true });
  }

  async function exportCsv() {
    setExporting('busy');
    try {
      await downloadRequestsCsv(token, apiFilters);
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  }

  return (
    <div className="stack" style={{ gap: 24 }}>
      <form className="card card--flat form" onSubmit={apply} aria-label={t('requests.filtersLabel')}>
        <div className="form-grid">
          <SelectField
            label={t('requests.model')}
            value={form.model}
            onChange={(e) => setForm({ ...form, model: e.target.value })}
            data-testid="requests-filter-model"
          >
            <option value="">{t('requests.anyModel')}</option>
            {modelOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('requests.key')}
            value={form.keyId}
            onChange={(e) => setForm({ ...form, keyId: e.target.value })}
            data-testid="requests-filter-key"
          >
            <option value="">{t('requests.anyKey')}</option>
            {keyOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('requests.from')}
            type="date"
            value={form.from}
            max={form.to || undefined}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            data-testid="requests-filter-from"
          />
          <TextField
            label={t('requests.to')}
            type="date"
            value={form.to}
            min={form.from || undefined}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={rangeError}
            data-testid="requests-filter-to"
          />
        </div>
        <div className="row">
          <Button type="submit" variant="primary" data-testid="requests-apply">
            {t('requests.apply')}
          </Button>
          {filtered ? (
            <Button variant="ghost" onClick={clear}>
              {t('requests.clear')}
            </Button>
          ) : null}
        </div>
      </form>

      <div className="row row--between">
        <Switch
          checked={breakdown}
          onChange={toggleBreakdown}
          label={t('requests.breakdown')}
          data-testid="cost-breakdown-toggle"
        />
        <div className="row">
          <Button
            icon={<DownloadIcon />}
            loading={exporting === 'busy'}
            onClick={exportCsv}
            data-testid="requests-export"
          >
            {t('requests.export')}
          </Button>
          <span aria-live="polite" className="meta">
            {exporting === 'failed' ? t('requests.exportFailed') : ''}
          </span>
        </div>
      </div>

      {isLoading ? (
        <SkeletonRows rows={6} />
      ) : isError && rows.length === 0 ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('requests.emptyFilteredTitle') : t('requests.emptyTitle')}>
          {filtered ? t('requests.emptyFilteredText') : t('requests.emptyText')}
        </EmptyState>
      ) : (
        <>
          <div style={{ opacity: isFetching && !isFetchingNextPage ? 0.6 : 1 }} aria-busy={isFetching}>
            <RequestsTable rows={rows} totals={totals} breakdown={breakdown} />
          </div>
          <div className="row" style={{ justifyContent: 'center' }}>
            {hasNextPage ? (
              <Button
                loading={isFetchingNextPage}
                onClick={() => fetchNextPage()}
                data-testid="requests-load-more"
              >
                {t('requests.loadMore')}
              </Button>
            ) : (
              <span className="meta">{t('requests.end')}</span>
            )}
          </div>
          {isError ? <ErrorState error={error} onRetry={() => fetchNextPage()} /> : null}
        </>
      )}
    </div>
  );
}
