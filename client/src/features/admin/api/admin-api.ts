import { api, cleanParams } from '@/lib/api';
import type {
  AccountStatus,
  AdminModel,
  AdminUser,
  AuditEntry,
  ModelConfigValues,
  Paged,
  RateLimit,
  Role,
  SyncStatus,
  Tier,
} from '@/types/api';

export type TierInput = Omit<Tier, 'id'>;
export type RateLimitInput = Omit<RateLimit, 'id' | 'modelName' | 'tierName'>;

export interface UserQuery {
  q?: string;
  role?: string;
  tier?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

export interface UserUpdate {
  role?: Role;
  tierId?: string;
  status?: AccountStatus;
  displayName?: string;
  monthlyTokenLimit?: number | null;
}

export const adminApi = api.injectEndpoints({
  endpoints: (build) => ({
    getSyncStatus: build.query<SyncStatus, void>({
      query: () => 'api/admin/sync/status',
      providesTags: ['Sync'],
    }),
    openDashboardSession: build.mutation<{ url: string }, void>({
      query: () => ({ url: 'api/auth/dashboard-session', method: 'POST' }),
    }),
    syncModels: build.mutation<SyncStatus, void>({
      query: () => ({ url: 'api/admin/sync/models', method: 'POST' }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(adminApi.util.upsertQueryData('getSyncStatus', undefined, data));
          if (!data.running) dispatch(api.util.invalidateTags(['Models', 'AdminModels', 'Companies']));
        } catch {
          // shown by the panel
        }
      },
    }),
    syncCompanies: build.mutation<SyncStatus, void>({
      query: () => ({ url: 'api/admin/sync/companies', method: 'POST' }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(adminApi.util.upsertQueryData('getSyncStatus', undefined, data));
          if (!data.running) dispatch(api.util.invalidateTags(['Companies', 'Models', 'AdminModels']));
        } catch {
          // shown by the panel
        }
      },
    }),

    getAdminModels: build.query<AdminModel[], void>({
      query: () => 'api/admin/models',
      providesTags: ['AdminModels'],
    }),
    createModelConfig: build.mutation<AdminModel, ModelConfigValues & { modelId: string }>({
      query: (body) => ({ url: 'api/admin/model-configs', method: 'POST', body }),
      invalidatesTags: ['AdminModels', 'Models'],
    }),
    updateModelConfig: build.mutation<AdminModel, ModelConfigValues & { modelId: string }>({
      query: ({ modelId, ...body }) => ({
        url: `api/admin/model-configs/${encodeURIComponent(modelId)}`,
        method: 'PUT',
        body,
      }),
      invalidatesTags: ['AdminModels', 'Models'],
    }),
    resetModelConfig: build.mutation<void, string>({
      query: (modelId) => ({ url: `api/admin/model-configs/${encodeURIComponent(modelId)}`, method: 'DELETE' }),
      invalidatesTags: ['AdminModels', 'Models'],
    }),

    getAdminTiers: build.query<Tier[], void>({
      query: () => 'api/admin/tiers',
      providesTags: ['Tiers'],
    }),
    createTier: build.mutation<Tier, TierInput>({
      query: (body) => ({ url: 'api/admin/tiers', method: 'POST', body }),
      invalidatesTags: ['Tiers', 'Models'],
    }),
    updateTier: build.mutation<Tier, Tier>({
      query: ({ id, ...body }) => ({ url: `api/admin/tiers/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['Tiers', 'Models', 'RateLimits'],
    }),
    deleteTier: build.mutation<void, string>({
      query: (id) => ({ url: `api/admin/tiers/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Tiers', 'Models', 'RateLimits'],
    }),

    getAdminRateLimits: build.query<RateLimit[], void>({
      query: () => 'api/admin/rate-limits',
      providesTags: ['RateLimits'],
    }),
    createRateLimit: build.mutation<RateLimit, RateLimitInput>({
      query: (body) => ({ url: 'api/admin/rate-limits', method: 'POST', body }),
      invalidatesTags: ['RateLimits', 'Models', 'Limits'],
    }),
    updateRateLimit: build.mutation<RateLimit, RateLimitInput & { id: string }>({
      query: ({ id, ...body }) => ({ url: `api/admin/rate-limits/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['RateLimits', 'Models', 'Limits'],
    }),
    deleteRateLimit: build.mutation<void, string>({
      query: (id) => ({ url: `api/admin/rate-limits/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['RateLimits', 'Models', 'Limits'],
    }),

    getUsers: build.query<Paged<AdminUser>, UserQuery>({
      query: (params) => ({ url: 'api/admin/users', params: cleanParams(params) }),
      providesTags: ['Users'],
    }),
    updateUser: build.mutation<AdminUser, UserUpdate & { id: string }>({
      query: ({ id, ...body }) => ({ url: `api/admin/users/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['Users', 'FreeTierRequests', 'Audit'],
    }),
    adjustBalance: build.mutation<AdminUser, { id: string; amount: number; reason: string }>({
      query: ({ id, ...body }) => ({
        url: `api/admin/users/${encodeURIComponent(id)}/balance`,
        method: 'POST',
        body,
      }),
      invalidatesTags: ['Users', 'Audit'],
    }),
    approveUser: build.mutation<AdminUser, string>({
      query: (userId) => ({ url: `api/admin/approve/${encodeURIComponent(userId)}`, method: 'POST' }),
      invalidatesTags: ['Users', 'FreeTierRequests', 'Audit'],
    }),
    getFreeTierRequests: build.query<AdminUser[], void>({
      query: () => 'api/admin/free-tier-requests',
      providesTags: ['FreeTierRequests'],
    }),
    getAudit: build.query<Paged<AuditEntry>, { page: number; pageSize: number }>({
      query: (params) => ({ url: 'api/admin/audit', params }),
      providesTags: ['Audit'],
    }),
  }),
});

export const {
  useOpenDashboardSessionMutation,
  useGetSyncStatusQuery,
  useSyncModelsMutation,
  useSyncCompaniesMutation,
  useGetAdminModelsQuery,
  useCreateModelConfigMutation,
  useUpdateModelConfigMutation,
  useResetModelConfigMutation,
  useGetAdminTiersQuery,
  useCreateTierMutation,
  useUpdateTierMutation,
  useDeleteTierMutation,
  useGetAdminRateLimitsQuery,
  useCreateRateLimitMutation,
  useUpdateRateLimitMutation,
  useDeleteRateLimitMutation,
  useGetUsersQuery,
  useUpdateUserMutation,
  useAdjustBalanceMutation,
  useApproveUserMutation,
  useGetFreeTierRequestsQuery,
  useGetAuditQuery,
} = adminApi;
