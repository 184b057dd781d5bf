import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
} from '@reduxjs/toolkit/query/react';
import { sessionExpired } from './session-events';

interface StateWithToken {
  auth?: { token?: string | null };
}

export const selectAuthToken = (state: unknown): string | null =>
  (state as StateWithToken).auth?.token ?? null;

const rawBaseQuery = fetchBaseQuery({
  baseUrl: '/',
  prepareHeaders: (headers, { getState }) => {
    const token = selectAuthToken(getState());
    if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept', 'application/json');
    return headers;
  },
});

/** Signs the user out locally when a signed-in call comes back 401. */
const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (
  args,
  api,
  extra,
) => {
  const result = await rawBaseQuery(args, api, extra);
  if (result.error?.status === 401 && selectAuthToken(api.getState())) {
    const url = typeof args === 'string' ? args : args.url;
    if (!url.startsWith('api/auth/')) api.dispatch(sessionExpired());
  }
  return result;
};

/** The one RTK Query API for the backend; features add endpoints with injectEndpoints. */
export const api = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: [
    'Profile',
    'Limits',
    'Keys',
    'Requests',
    'Companies',
    'Models',
    'Tiers',
    'RateLimits',
    'Sync',
    'AdminModels',
    'Users',
    'FreeTierRequests',
    'Audit',
  ],
  endpoints: () => ({}),
});

/** Drops undefined / empty values so they never reach the query string. */
export function cleanParams<T extends object>(params: T): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value as string | number | boolean;
  }
  return out;
}
