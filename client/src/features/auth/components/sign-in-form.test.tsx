import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { english, profile } from '@/testing/fixtures';
import { stubFetch } from '@/testing/fetch-stub';
import { renderWithProviders } from '@/testing/render';
import { SignInForm } from './sign-in-form';

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

describe('SignInForm', () => {
  it('shows per-field problem-details errors beside their fields', async () => {
    stubFetch({
      'POST /api/auth/login': () => ({
        status: 400,
        body: { title: 'One or more validation errors occurred.', status: 400, errors: { Email: ['Email is not valid.'] } },
      }),
    });
    renderWithProviders(<SignInForm />, { route: '/signin', preloadedState: english });
    fill('nope@x', 'secret123');
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Email is not valid.')).toBeInTheDocument();
    expect(email.getAttribute('aria-describedby')).toContain(screen.getByText('Email is not valid.').id);
  });

  it('shows the problem detail for wrong credentials', async () => {
    stubFetch({
      'POST /api/auth/login': () => ({
        status: 401,
        body: { title: 'Unauthorized', status: 401, detail: 'Wrong email or password.' },
      }),
    });
    renderWithProviders(<SignInForm />, { route: '/signin', preloadedState: english });
    fill('ada@example.com', 'wrong-pass');
    expect(await screen.findByTestId('signin-error')).toHaveTextContent('Wrong email or password.');
  });

  it('validates empty fields before calling the server', () => {
    const { calls } = stubFetch({});
    renderWithProviders(<SignInForm />, { route: '/signin', preloadedState: english });
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect(screen.getByText('Enter your email.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('stores the session and returns to the requested page', async () => {
    stubFetch({
      'POST /api/auth/login': () => ({ body: { token: 'jwt', expiresAt: '2099-01-01T00:00:00Z', user: profile() } }),
    });
    const { store } = renderWithProviders(<SignInForm />, {
      route: '/signin?returnTo=%2Frequests',
      path: '/signin',
      preloadedState: english,
      extraRoutes: <Route path="/requests" element={<p>requests page</p>} />,
    });
    fill('ada@example.com', 'secret123');
    expect(await screen.findByText('requests page')).toBeInTheDocument();
    expect(store.getState().auth.token).toBe('jwt');
    expect(JSON.parse(localStorage.getItem('oneai.auth') ?? '{}').token).toBe('jwt');
  });
});
