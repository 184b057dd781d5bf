import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { makeStore, type RootState } from '@/app/store';

/** Shows the current location so tests can assert URL changes. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderWithProviders(
  ui: ReactElement,
  {
    preloadedState,
    route = '/',
    path = '*',
    extraRoutes,
    ...options
  }: {
    preloadedState?: Partial<RootState>;
    route?: string;
    path?: string;
    extraRoutes?: ReactNode;
  } & Omit<RenderOptions, 'wrapper'> = {},
) {
  const store = makeStore(preloadedState);
  const result = render(
    <Provider store={store}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route
            path={path}
            element={
              <>
                {ui}
                <LocationProbe />
              </>
            }
          />
          {extraRoutes}
        </Routes>
      </MemoryRouter>
    </Provider>,
    options,
  );
  return { store, ...result };
}
