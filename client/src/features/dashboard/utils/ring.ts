import type { ModelLimitUsage } from '@/types/api';

export type RingTone = 'olive' | 'clay' | 'danger';

/** Olive while use is light, clay past half, danger from 80% on. */
export function ringTone(usedFraction: number): RingTone {
  if (usedFraction >= 0.8) return 'danger';
  if (usedFraction >= 0.5) return 'clay';
  return 'olive';
}

export const TONE_COLOR: Record<RingTone, string> = {
  olive: 'var(--olive)',
  clay: 'var(--clay)',
  danger: 'var(--danger)',
};

function used(limit: number, remaining: number): number {
  if (!limit || limit <= 0) return 0; // no limit set for this window
  return Math.min(1, Math.max(0, (limit - remaining) / limit));
}

export interface RingUsage {
  /** the largest share used across the four windows, 0..1 */
  fraction: number;
  /** which window is the tightest */
  window: 'requestsMinute' | 'requestsDay' | 'tokensMinute' | 'tokensDay';
  /** requests made in the current minute */
  requestsThisMinute: number;
}

export function ringUsage(m: ModelLimitUsage): RingUsage {
  const windows = [
    ['requestsMinute', used(m.requestsPerMinute, m.remainingRequestsMinute)],
    ['requestsDay', used(m.requestsPerDay, m.remainingRequestsDay)],
    ['tokensMinute', used(m.tokensPerMinute, m.remainingTokensMinute)],
    ['tokensDay', used(m.tokensPerDay, m.remainingTokensDay)],
  ] as const;
  let best: (typeof windows)[number] = windows[0];
  for (const w of windows) if (w[1] > best[1]) best = w;
  return {
    fraction: best[1],
    window: best[0],
    requestsThisMinute: Math.max(0, m.requestsPerMinute - m.remainingRequestsMinute),
  };
}
