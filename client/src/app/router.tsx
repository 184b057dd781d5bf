import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { AppShell } from './layout/app-shell';
import { RouteError } from './layout/route-error';

const staff = ['admin', 'support'] as const;

/** Every page is its own chunk, loaded when first visited. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('./routes/home') },
          { path: paths.models.path, lazy: () => import('./routes/models') },
          { path: paths.model.path, lazy: () => import('./routes/model') },
          { path: paths.company.path, lazy: () => import('./routes/company') },
          { path: paths.docs.path, lazy: () => import('./routes/docs') },
          { path: paths.signIn.path, lazy: () => import('./routes/sign-in') },
          { path: paths.signUp.path, lazy: () => import('./routes/sign-up') },
          {
            path: paths.dashboard.path,
            lazy: async () => {
              const { Component } = await import('./routes/dashboard');
              return {
                element: (
                  <RequireAuth>
                    <Component />
                  </RequireAuth>
                ),
              };
            },
          },
          {
            path: paths.requests.path,
            lazy: async () => {
              const { Component } = await import('./routes/requests');
              return {
                element: (
                  <RequireAuth>
                    <Component />
                  </RequireAuth>
                ),
              };
            },
          },
          {
            path: paths.admin.root.path,
            lazy: async () => {
              const { Component } = await import('./routes/admin/admin-layout');
              return {
                element: (
                  <RequireAuth roles={[...staff]}>
                    <Component />
                  </RequireAuth>
                ),
              };
            },
            children: [
              { index: true, element: <Navigate to={paths.admin.sync.build()} replace /> },
              {
                path: paths.admin.sync.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).SyncTab }),
              },
              {
                path: paths.admin.models.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).ModelsTab }),
              },
              {
                path: paths.admin.tiers.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).TiersTab }),
              },
              {
                path: paths.admin.users.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).UsersTab }),
              },
              {
                path: paths.admin.approvals.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).ApprovalsTab }),
              },
              {
                path: paths.admin.audit.path,
                lazy: async () => ({ Component: (await import('./routes/admin/admin-pages')).AuditTab }),
              },
            ],
          },
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
