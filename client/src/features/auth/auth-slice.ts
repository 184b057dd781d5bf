import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { sessionExpired, signedOut } from '@/lib/session-events';
import type { AuthResult, Profile, Role } from '@/types/api';

export const AUTH_STORAGE_KEY = 'oneai.auth';

export interface AuthState {
  token: string | null;
  expiresAt: string | null;
  user: Profile | null;
}

const signedOutState: AuthState = { token: null, expiresAt: null, user: null };

function isExpired(expiresAt: string | null, now = Date.now()): boolean {
  if (!expiresAt) return false;
  const t = Date.parse(expiresAt);
  return Number.isFinite(t) && t <= now;
}

/** Restores a saved, unexpired session from localStorage. */
export function loadAuthState(now = Date.now()): AuthState {
  try {
    const raw = localStorage.getItem(AUTH_STORAGE_KEY);
    if (!raw) return signedOutState;
    const saved = JSON.parse(raw) as Partial<AuthState>;
    if (typeof saved.token !== 'string' || isExpired(saved.expiresAt ?? null, now)) {
      return signedOutState;
    }
    return { token: saved.token, expiresAt: saved.expiresAt ?? null, user: saved.user ?? null };
  } catch {
    return signedOutState;
  }
}

export function saveAuthState(state: AuthState): void {
  try {
    if (state.token) localStorage.setItem(AUTH_STORAGE_KEY, JSON.stringify(state));
    else localStorage.removeItem(AUTH_STORAGE_KEY);
  } catch {
    // storage unavailable: the session lives for this tab only
  }
}

const authSlice = createSlice({
  name: 'auth',
  initialState: () => loadAuthState(),
  reducers: {
    credentialsReceived(_state, action: PayloadAction<AuthResult>) {
      return {
        token: action.payload.token,
        expiresAt: action.payload.expiresAt,
        user: action.payload.user,
      };
    },
    profileReceived(state, action: PayloadAction<Profile>) {
      if (state.token) state.user = action.payload;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(sessionExpired, () => signedOutState)
      .addCase(signedOut, () => signedOutState);
  },
});

export const { credentialsReceived, profileReceived } = authSlice.actions;
export { signedOut };
export const authReducer = authSlice.reducer;

type WithAuth = { auth: AuthState };
export const selectToken = (s: WithAuth) => s.auth.token;
export const selectUser = (s: WithAuth) => s.auth.user;
export const selectIsSignedIn = (s: WithAuth) => !!s.auth.token;
export const selectRole = (s: WithAuth): Role | null => s.auth.user?.role ?? null;
export const isStaff = (role: Role | null) => role === 'admin' || role === 'support';
