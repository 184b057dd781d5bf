import { api } from '@/lib/api';
import type { ApiKey, CreatedApiKey } from '@/types/api';
import { keyCreated, keyForgotten } from '../api-keys-slice';

export interface CreateKeyInput {
  name: string;
  expiresAt?: string;
  models?: string[];
}

export const apiKeysApi = api.injectEndpoints({
  endpoints: (build) => ({
    getKeys: build.query<ApiKey[], void>({
      query: () => 'api/keys',
      providesTags: ['Keys'],
    }),
    createKey: build.mutation<CreatedApiKey, CreateKeyInput>({
      query: (body) => ({ url: 'api/keys', method: 'POST', body }),
      invalidatesTags: ['Keys'],
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(keyCreated({ id: data.apiKey.id, name: data.apiKey.name, key: data.key }));
        } catch {
          // the form shows the error
        }
      },
    }),
    renameKey: build.mutation<ApiKey, { id: string; name: string }>({
      query: ({ id, name }) => ({ url: `api/keys/${encodeURIComponent(id)}`, method: 'PATCH', body: { name } }),
      invalidatesTags: ['Keys'],
    }),
    revokeKey: build.mutation<void, string>({
      query: (id) => ({ url: `api/keys/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Keys'],
      async onQueryStarted(id, { dispatch, queryFulfilled }) {
        try {
          await queryFulfilled;
          dispatch(keyForgotten(id));
        } catch {
          // the list shows the error
        }
      },
    }),
  }),
});

export const { useGetKeysQuery, useCreateKeyMutation, useRenameKeyMutation, useRevokeKeyMutation } =
  apiKeysApi;
