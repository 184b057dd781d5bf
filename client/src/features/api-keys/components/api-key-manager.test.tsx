import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { english, signedIn } from '@/testing/fixtures';
import { stubFetch } from '@/testing/fetch-stub';
import { renderWithProviders } from '@/testing/render';
import type { ApiKey } from '@/types/api';
import { ApiKeyManager } from './api-key-manager';

const created: ApiKey = {
  id: 'k1',
  name: 'server',
  prefix: 'ohk-AbC1',
  createdAt: '2026-03-01T10:00:00Z',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  models: null,
};

describe('ApiKeyManager', () => {
  it('shows a new key in full exactly once', async () => {
    let keys: ApiKey[] = [];
    const { calls } = stubFetch({
      'GET /api/keys': () => ({ body: keys }),
      'POST /api/keys': () => {
        keys = [created];
        return { status: 201, body: { key: 'ohk-AbC1-full-secret-value', apiKey: created } };
      },
    });
    const { store } = renderWithProviders(<ApiKeyManager modelOptions={[]} />, {
      preloadedState: { ...english, ...signedIn() },
    });
    expect(await screen.findByText('No keys yet')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('key-create-open'));
    fireEvent.change(screen.getByTestId('key-create-name'), { target: { value: 'server' } });
    fireEvent.click(screen.getByTestId('key-create-submit'));

    const reveal = await screen.findByTestId('key-reveal-value');
    expect(reveal).toHaveTextContent('ohk-AbC1-full-secret-value');
    expect(screen.getByText('Copy it now — you will not see it again.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'server' });
    expect(calls.find((c) => c.method === 'POST')?.headers.get('Authorization')).toBe('Bearer jwt-token');
    // kept in memory for code samples, never in storage
    expect(store.getState().apiKeys.lastCreated?.key).toBe('ohk-AbC1-full-secret-value');
    expect(JSON.stringify(localStorage)).not.toContain('full-secret-value');

    fireEvent.click(screen.getByTestId('key-reveal-close'));
    await waitFor(() => expect(screen.queryByTestId('key-reveal-value')).toBeNull());
    const row = await screen.findByTestId('key-row');
    expect(within(row).getByText('ohk-AbC1…')).toBeInTheDocument();
    expect(screen.queryByText(/full-secret-value/)).toBeNull();
  });

  it('asks for a name before creating', async () => {
    const { calls } = stubFetch({ 'GET /api/keys': () => ({ body: [] }) });
    renderWithProviders(<ApiKeyManager modelOptions={[]} />, { preloadedState: { ...english, ...signedIn() } });
    fireEvent.click(await screen.findByTestId('key-create-open'));
    fireEvent.click(screen.getByTestId('key-create-submit'));
    expect(screen.getByText('Give the key a name.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('revokes only after confirming', async () => {
    let keys: ApiKey[] = [created];
    stubFetch({
      'GET /api/keys': () => ({ body: keys }),
      'DELETE /api/keys/k1': () => {
        keys = [{ ...created, revokedAt: '2026-03-02T10:00:00Z' }];
        return { status: 204 };
      },
    });
    renderWithProviders(<ApiKeyManager modelOptions={[]} />, { preloadedState: { ...english, ...signedIn() } });
    fireEvent.click(await screen.findByTestId('key-revoke'));
    fireEvent.click(screen.getByTestId('key-revoke-confirm'));
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
  });
});
