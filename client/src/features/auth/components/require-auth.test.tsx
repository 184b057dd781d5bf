import { screen } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { english, signedIn } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { RequireAuth } from './require-auth';

describe('RequireAuth', () => {
  it('sends visitors to sign-in with a return URL', () => {
    renderWithProviders(
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
      {
        route: '/dashboard?x=1',
        path: '/dashboard',
        preloadedState: english,
        extraRoutes: <Route path="/signin" element={<p>sign in page</p>} />,
      },
    );
    expect(screen.getByText('sign in page')).toBeInTheDocument();
    expect(screen.queryByText('secret')).toBeNull();
  });

  it('lets staff into staff routes and keeps customers out', () => {
    const { unmount } = renderWithProviders(
      <RequireAuth roles={['admin', 'support']}>
        <p>admin area</p>
      </RequireAuth>,
      { preloadedState: { ...english, ...signedIn({ role: 'support' }) } },
    );
    expect(screen.getByText('admin area')).toBeInTheDocument();
    unmount();
    renderWithProviders(
      <RequireAuth roles={['admin', 'support']}>
        <p>admin area</p>
      </RequireAuth>,
      { preloadedState: { ...english, ...signedIn({ role: 'customer' }) } },
    );
    expect(screen.queryByText('admin area')).toBeNull();
    expect(screen.getByText('Staff only')).toBeInTheDocument();
  });
});
