import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { english, signedIn } from '@/testing/fixtures';
import { stubFetch } from '@/testing/fetch-stub';
import { renderWithProviders } from '@/testing/render';
import type { RequestRow } from '@/types/api';
import { RequestsHistory } from './requests-history';

function row(id: string): RequestRow {
  return {
    id,
    requestId: `req-${id}`,
    createdAt: '2026-03-01T10:00:00Z',
    model: 'gpt-4o',
    modelId: 'm1',
    keyId: 'k1',
    keyName: 'server',
    endpoint: '/v1/chat/completions',
    inputTokens: 1000,
    outputTokens: 500,
    inputCost: 0.0025,
    outputCost: 0.005,
    totalCost: 0.0075,
    statusCode: 200,
    status: 'ok',
    latencyMs: 820,
    streamed: false,
  };
}

const totals = { requests: 3, inputTokens: 3000, outputTokens: 1500, inputCost: 0.0075, outputCost: 0.015, totalCost: 0.0225 };

describe('RequestsHistory', () => {
  it('toggles the input/output cost breakdown per row', async () => {
    stubFetch({ 'GET /api/requests': () => ({ body: { items: [row('a')], nextCursor: null, totals } }) });
    renderWithProviders(<RequestsHistory modelOptions={[]} keyOptions={[]} />, {
      preloadedState: { ...english, ...signedIn() },
    });
    expect(await screen.findByTestId('request-row')).toBeInTheDocument();
    expect(screen.queryByTestId('cost-input')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Input cost' })).toBeNull();

    const toggle = screen.getByRole('switch', { name: 'Show cost breakdown' });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('columnheader', { name: 'Input cost' })).toBeInTheDocument();
    expect(screen.getByTestId('cost-input')).toHaveTextContent('$0.0025');
    expect(screen.getByTestId('cost-output')).toHaveTextContent('$0.005');
    expect(screen.getByTestId('location')).toHaveTextContent('breakdown=1');

    fireEvent.click(toggle);
    expect(screen.queryByTestId('cost-input')).toBeNull();
  });

  it('loads the next page by cursor and keeps the totals', async () => {
    const { calls } = stubFetch({
      'GET /api/requests': (req) =>
        req.search.get('cursor') === 'c2'
          ? { body: { items: [row('c')], nextCursor: null, totals } }
          : { body: { items: [row('a'), row('b')], nextCursor: 'c2', totals } },
    });
    renderWithProviders(<RequestsHistory modelOptions={[]} keyOptions={[]} />, {
      preloadedState: { ...english, ...signedIn() },
    });
    expect(await screen.findAllByTestId('request-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('requests-load-more'));
    expect(await screen.findByText('That is everything.')).toBeInTheDocument();
    expect(screen.getAllByTestId('request-row')).toHaveLength(3);
    expect(screen.getByTestId('requests-totals')).toHaveTextContent('3 requests');
    expect(calls.map((c) => c.search.get('cursor'))).toEqual([null, 'c2']);
  });

  it('sends the filters as query parameters', async () => {
    const { calls } = stubFetch({ 'GET /api/requests': () => ({ body: { items: [], nextCursor: null, totals } }) });
    renderWithProviders(
      <RequestsHistory modelOptions={[{ value: 'gpt-4o', label: 'GPT-4o' }]} keyOptions={[{ value: 'k1', label: 'server' }]} />,
      { route: '/requests?model=gpt-4o&keyId=k1&from=2026-03-01', preloadedState: { ...english, ...signedIn() } },
    );
    expect(await screen.findByText('Nothing in this range')).toBeInTheDocument();
    expect(calls[0].search.get('model')).toBe('gpt-4o');
    expect(calls[0].search.get('keyId')).toBe('k1');
    expect(calls[0].search.get('from')).toMatch(/^2026-0[23]-\d\dT/);
  });
});
