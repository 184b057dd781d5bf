import { api } from '@/lib/api';
import type { Profile, ProfileLimits } from '@/types/api';

export const dashboardApi = api.injectEndpoints({
  endpoints: (build) => ({
    getLimits: build.query<ProfileLimits, void>({
      query: () => 'api/profile/limits',
      providesTags: ['Limits'],
    }),
    requestFreeTier: build.mutation<Profile, void>({
      query: () => ({ url: 'api/profile/free-tier-request', method: 'POST' }),
      invalidatesTags: ['Profile', 'Limits'],
    }),
  }),
});

export const { useGetLimitsQuery, useRequestFreeTierMutation } = dashboardApi;
