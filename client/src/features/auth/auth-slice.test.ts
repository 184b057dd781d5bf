import { describe, expect, it } from 'vitest';
import { sessionExpired, signedOut } from '@/lib/session-events';
import { profile } from '@/testing/fixtures';
import {
  AUTH_STORAGE_KEY,
  authReducer,
  credentialsReceived,
  loadAuthState,
  profileReceived,
  saveAuthState,
  selectIsSignedIn,
} from './auth-slice';

const result = { token: 'abc', expiresAt: '2099-01-01T00:00:00Z', user: profile() };

describe('auth slice', () => {
  it('stores the JWT and user on sign-in', () => {
    const state = authReducer(undefined, credentialsReceived(result));
    expect(state.token).toBe('abc');
    expect(state.user?.email).toBe('ada@example.com');
    expect(selectIsSignedIn({ auth: state })).toBe(true);
  });

  it('forgets everything on sign-out and when the session expires', () => {
    const signedIn = authReducer(undefined, credentialsReceived(result));
    expect(authReducer(signedIn, signedOut())).toEqual({ token: null, expiresAt: null, user: null });
    expect(authReducer(signedIn, sessionExpired())).toEqual({ token: null, expiresAt: null, user: null });
  });

  it('updates the profile only while signed in', () => {
    const signedIn = authReducer(undefined, credentialsReceived(result));
    const updated = authReducer(signedIn, profileReceived(profile({ displayName: 'Grace' })));
    expect(updated.user?.displayName).toBe('Grace');
    const anonymous = authReducer(undefined, signedOut());
    expect(authReducer(anonymous, profileReceived(profile())).user).toBeNull();
  });

  it('round-trips through localStorage and drops expired sessions', () => {
    saveAuthState({ token: 'abc', expiresAt: '2099-01-01T00:00:00Z', user: profile() });
    expect(loadAuthState().token).toBe('abc');

    saveAuthState({ token: 'old', expiresAt: '2020-01-01T00:00:00Z', user: null });
    expect(loadAuthState().token).toBeNull();

    saveAuthState({ token: null, expiresAt: null, user: null });
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
  });

  it('ignores corrupt storage', () => {
    localStorage.setItem(AUTH_STORAGE_KEY, '{not json');
    expect(loadAuthState().token).toBeNull();
  });
});
