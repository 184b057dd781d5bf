import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { english, signedIn } from '@/testing/fixtures';
import { stubFetch, type StubAnswer } from '@/testing/fetch-stub';
import { renderWithProviders } from '@/testing/render';
import type { SyncRun, SyncStatus } from '@/types/api';
import { SyncPanel } from './sync-panel';

function run(startedAt: string, created: number): SyncRun {
  return {
    trigger: 'admin',
    startedAt,
    finishedAt: startedAt,
    durationMs: 120,
    created,
    updated: 0,
    unchanged: 0,
    removed: 0,
    companiesCreated: 0,
    error: null,
  };
}

describe('SyncPanel', () => {
  it("shows the run under way from the press on, not the last run's result, then this run's", async () => {
    const earlier: SyncStatus = { running: false, liteLlmConfigured: true, lastRun: run('2026-03-01T10:00:00Z', 3) };
    let finish: (answer: StubAnswer) => void = () => {};
    stubFetch({
      'GET /api/admin/sync/status': () => ({ body: earlier }),
      'POST /api/admin/sync/models': () => new Promise<StubAnswer>((resolve) => (finish = resolve)),
    });
    renderWithProviders(<SyncPanel />, { preloadedState: { ...english, ...signedIn({ role: 'admin' }) } });
    const status = await screen.findByTestId('sync-status');
    expect(await within(status).findByText('Succeeded')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('sync-models'));
    expect(await within(status).findByText(/Running/)).toBeInTheDocument();
    expect(within(status).queryByText('Succeeded')).toBeNull();
    expect(screen.getByTestId('sync-models')).toBeDisabled();

    finish({ body: { running: false, liteLlmConfigured: true, lastRun: run('2026-03-02T10:00:00Z', 7) } });
    expect(await within(status).findByText('Succeeded')).toBeInTheDocument();
    expect(within(status).getByText('7')).toBeInTheDocument();
    expect(screen.getByTestId('sync-models')).toBeEnabled();
  });
});
