import { useEffect, useRef } from 'react';
import { useAppDispatch } from '@/app/hooks';
import { Button } from '@/components/ui/button';
import { RefreshIcon } from '@/components/ui/icons';
import { SkeletonRows } from '@/components/ui/skeleton';
import { describeError, ErrorState } from '@/components/ui/states';
import { api } from '@/lib/api';
import { useFormat, useT } from '@/lib/i18n';
import {
  useGetSyncStatusQuery,
  useSyncCompaniesMutation,
  useSyncModelsMutation,
} from '../api/admin-api';
import { useReadOnly } from '../hooks/use-read-only';

export const SYNC_POLL_MS = 1500;

/** Sync-now buttons and the live status of the last run (polled while one is running). */
export function SyncPanel() {
  const t = useT();
  const f = useFormat();
  const dispatch = useAppDispatch();
  const readOnly = useReadOnly();
  const status = useGetSyncStatusQuery();
  const [syncModels, modelsState] = useSyncModelsMutation();
  const [syncCompanies, companiesState] = useSyncCompaniesMutation();
  const serverRunning = status.data?.running ?? false;
  useGetSyncStatusQuery(undefined, { pollingInterval: serverRunning ? SYNC_POLL_MS : 0, skip: !serverRunning });
  // From the press on, the run is under way: the last run's result must not read as this one's.
  const running = serverRunning || modelsState.isLoading || companiesState.isLoading;

  // When a run finishes, the catalog changed: refresh what depends on it.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      dispatch(api.util.invalidateTags(['Models', 'AdminModels', 'Companies']));
    }
    wasRunning.current = running;
  }, [running, dispatch]);

  if (status.isLoading) return <SkeletonRows rows={3} />;
  if (status.isError || !status.data) return <ErrorState error={status.error} onRetry={status.refetch} />;

  const { liteLlmConfigured, lastRun } = status.data;
  const mutationError = modelsState.error ?? companiesState.error;
  const disabled = readOnly || running || !liteLlmConfigured;

  return (
    <div className="stack" style={{ gap: 24 }}>
      {!liteLlmConfigured ? (
        <div className="banner banner--danger" role="status" data-testid="litellm-not-configured">
          <div className="banner__text">
            <strong>{t('sync.notConfiguredTitle')}</strong>
            <span className="muted">{t('sync.notConfiguredText')}</span>
          </div>
        </div>
      ) : null}
      <div className="row">
        <Button
          variant="primary"
          icon={<RefreshIcon />}
          loading={modelsState.isLoading}
          disabled={disabled}
          onClick={() => syncModels()}
          data-testid="sync-models"
        >
          {t('sync.models')}
        </Button>
        <Button
          icon={<RefreshIcon />}
          loading={companiesState.isLoading}
          disabled={disabled}
          onClick={() => syncCompanies()}
          data-testid="sync-companies"
        >
          {t('sync.companies')}
        </Button>
      </div>
      {readOnly ? <p className="meta">{t('admin.readOnly')}</p> : null}
      {mutationError ? (
        <p className="alert" role="alert">
          {describeError(t, mutationError)}
        </p>
      ) : null}

      <section className="card card--flat stack" aria-labelledby="sync-last-run" aria-live="polite" data-testid="sync-status">
        <div className="row row--between">
          <h3 id="sync-last-run">{t('sync.lastRun')}</h3>
          {running ? (
            <span className="pill pill--sky row" style={{ gap: 8 }}>
              <span className="spinner" aria-hidden="true" />
              {t('sync.running')}
            </span>
          ) : lastRun ? (
            lastRun.error ? (
              <span className="pill pill--danger">{t('sync.failed')}</span>
            ) : (
              <span className="pill pill--olive">{t('sync.succeeded')}</span>
            )
          ) : null}
        </div>
        {lastRun ? (
          <>
            <dl className="facts">
              <div>
                <dt>{t('sync.started')}</dt>
                <dd style={{ fontSize: 16 }}>{f.dateTime(lastRun.startedAt)}</dd>
              </div>
              <div>
                <dt>{t('sync.duration')}</dt>
                <dd style={{ fontSize: 16 }}>{f.ms(lastRun.durationMs)}</dd>
              </div>
              <div>
                <dt>{t('sync.trigger')}</dt>
                <dd style={{ fontSize: 16 }}>{lastRun.trigger}</dd>
              </div>
              <div>
                <dt>{t('sync.created')}</dt>
                <dd>{f.int(lastRun.created)}</dd>
              </div>
              <div>
                <dt>{t('sync.updated')}</dt>
                <dd>{f.int(lastRun.updated)}</dd>
              </div>
              <div>
                <dt>{t('sync.unchanged')}</dt>
                <dd>{f.int(lastRun.unchanged)}</dd>
              </div>
              <div>
                <dt>{t('sync.removed')}</dt>
                <dd>{f.int(lastRun.removed)}</dd>
              </div>
              <div>
                <dt>{t('sync.companiesCreated')}</dt>
                <dd>{f.int(lastRun.companiesCreated)}</dd>
              </div>
            </dl>
            {lastRun.error ? (
              <p className="alert" role="alert">
                {lastRun.error}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('sync.never')}</p>
        )}
      </section>
    </div>
  );
}
