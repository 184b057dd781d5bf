/** Every route of the SPA in one typed table: `path` for the router, `build` for links. */
export const paths = {
  home: { path: '/', build: () => '/' },
  models: { path: '/models', build: (query?: string) => (query ? `/models?${query}` : '/models') },
  model: { path: '/models/:id', build: (id: string) => `/models/${encodeURIComponent(id)}` },
  company: { path: '/companies/:id', build: (id: string) => `/companies/${encodeURIComponent(id)}` },
  docs: { path: '/docs', build: () => '/docs' },
  signIn: {
    path: '/signin',
    build: (returnTo?: string) =>
      returnTo ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : '/signin',
  },
  signUp: {
    path: '/signup',
    build: (returnTo?: string) =>
      returnTo ? `/signup?returnTo=${encodeURIComponent(returnTo)}` : '/signup',
  },
  dashboard: { path: '/dashboard', build: () => '/dashboard' },
  requests: { path: '/requests', build: () => '/requests' },
  admin: {
    root: { path: '/admin', build: () => '/admin' },
    sync: { path: '/admin/sync', build: () => '/admin/sync' },
    models: { path: '/admin/models', build: () => '/admin/models' },
    tiers: { path: '/admin/tiers', build: () => '/admin/tiers' },
    users: { path: '/admin/users', build: () => '/admin/users' },
    approvals: { path: '/admin/approvals', build: () => '/admin/approvals' },
    audit: { path: '/admin/audit', build: () => '/admin/audit' },
  },
  swagger: { path: '/api/docs', build: () => '/api/docs' },
} as const;

/** Only same-site paths are honored as a return URL after signing in. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return paths.dashboard.build();
  return value;
}
