import type { Profile } from '@/types/api';

/** Test-only data. */
export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'u1',
    email: 'ada@example.com',
    displayName: 'Ada',
    role: 'customer',
    tier: { id: 't-free', name: 'Free' },
    status: 'active',
    freeTierRequestedAt: null,
    balance: 10,
    totalSpent: 2.5,
    monthlyTokenLimit: null,
    monthlyTokensUsed: 1200,
    createdAt: '2026-01-02T10:00:00Z',
    ...overrides,
  };
}

export function signedIn(overrides: Partial<Profile> = {}) {
  return {
    auth: { token: 'jwt-token', expiresAt: '2099-01-01T00:00:00Z', user: profile(overrides) },
  };
}

export const english = { i18n: { locale: 'en' as const } };
