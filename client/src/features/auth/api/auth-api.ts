import { api } from '@/lib/api';
import type { AuthResult, Profile } from '@/types/api';
import { credentialsReceived, profileReceived } from '../auth-slice';

export interface LoginInput {
  email: string;
  password: string;
}

export interface RegisterInput extends LoginInput {
  displayName?: string;
  requestFreeTier?: boolean;
}

export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<AuthResult, LoginInput>({
      query: (body) => ({ url: 'api/auth/login', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(api.util.resetApiState());
          dispatch(credentialsReceived(data));
        } catch {
          // the form shows the problem details
        }
      },
    }),
    register: build.mutation<AuthResult, RegisterInput>({
      query: (body) => ({ url: 'api/auth/register', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(api.util.resetApiState());
          dispatch(credentialsReceived(data));
        } catch {
          // the form shows the problem details
        }
      },
    }),
    getProfile: build.query<Profile, void>({
      query: () => 'api/profile',
      providesTags: ['Profile'],
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(profileReceived(data));
        } catch {
          // a 401 signs out through the base query
        }
      },
    }),
  }),
});

export const { useLoginMutation, useRegisterMutation, useGetProfileQuery } = authApi;
