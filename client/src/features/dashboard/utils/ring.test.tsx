import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { english } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import type { ModelLimitUsage } from '@/types/api';
import { RateLimitRing } from '../components/rate-limit-ring';
import { ringTone, ringUsage } from './ring';

function usage(overrides: Partial<ModelLimitUsage> = {}): ModelLimitUsage {
  return {
    modelId: 'm1',
    externalId: 'gpt-4o',
    modelName: 'GPT-4o',
    companyName: 'OpenAI',
    requestsPerMinute: 10,
    requestsPerDay: 200,
    tokensPerMinute: 20000,
    tokensPerDay: 200000,
    remainingRequestsMinute: 10,
    remainingRequestsDay: 200,
    remainingTokensMinute: 20000,
    remainingTokensDay: 200000,
    resetMinuteAt: null,
    resetDayAt: null,
    ...overrides,
  };
}

describe('rate-limit ring colors', () => {
  it('goes olive → clay → danger as use rises', () => {
    expect(ringTone(0)).toBe('olive');
    expect(ringTone(0.49)).toBe('olive');
    expect(ringTone(0.5)).toBe('clay');
    expect(ringTone(0.79)).toBe('clay');
    expect(ringTone(0.8)).toBe('danger');
    expect(ringTone(1)).toBe('danger');
  });

  it('uses the tightest of the four windows and ignores unset (0) limits', () => {
    const u = ringUsage(usage({ remainingRequestsDay: 20, tokensPerMinute: 0, remainingTokensMinute: 0 }));
    expect(u.window).toBe('requestsDay');
    expect(u.fraction).toBeCloseTo(0.9);
    expect(ringUsage(usage()).fraction).toBe(0);
  });

  it('renders the tone and an accessible label', () => {
    renderWithProviders(<RateLimitRing usage={usage({ remainingRequestsMinute: 4 })} />, { preloadedState: english });
    const ring = screen.getByTestId('rate-limit-ring');
    expect(ring).toHaveAttribute('data-tone', 'clay');
    expect(ring).toHaveAttribute('data-active', 'true');
    expect(screen.getByRole('img', { name: /GPT-4o: 60% used/ })).toBeInTheDocument();
    expect(screen.getByTestId('ring-active-halo')).toBeInTheDocument();
  });

  it('shows no gradient halo on an idle ring', () => {
    renderWithProviders(<RateLimitRing usage={usage()} />, { preloadedState: english });
    expect(screen.getByTestId('rate-limit-ring')).toHaveAttribute('data-tone', 'olive');
    expect(screen.queryByTestId('ring-active-halo')).toBeNull();
  });
});
