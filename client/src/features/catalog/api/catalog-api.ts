import { api, cleanParams } from '@/lib/api';
import type { Company, ModelDetail, ModelSummary, Paged, RateLimit, Tier } from '@/types/api';

export interface ModelQuery {
  company?: string;
  tier?: string;
  capability?: string;
  q?: string;
  sort?: 'name' | 'price' | 'context';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const catalogApi = api.injectEndpoints({
  endpoints: (build) => ({
    getCompanies: build.query<Company[], void>({
      query: () => 'api/companies',
      providesTags: ['Companies'],
    }),
    getCompany: build.query<Company, string>({
      query: (id) => `api/companies/${encodeURIComponent(id)}`,
      providesTags: (_r, _e, id) => [{ type: 'Companies', id }],
    }),
    getCompanyModels: build.query<ModelSummary[], string>({
      query: (id) => `api/companies/${encodeURIComponent(id)}/models`,
      providesTags: ['Models'],
    }),
    getModels: build.query<Paged<ModelSummary>, ModelQuery>({
      query: (params) => ({ url: 'api/models', params: cleanParams(params) }),
      providesTags: ['Models'],
    }),
    getModel: build.query<ModelDetail, string>({
      query: (id) => `api/models/${encodeURIComponent(id)}`,
      providesTags: (_r, _e, id) => [{ type: 'Models', id }, 'RateLimits'],
    }),
    getTiers: build.query<Tier[], void>({
      query: () => 'api/tiers',
      providesTags: ['Tiers'],
    }),
    getRateLimits: build.query<RateLimit[], void>({
      query: () => 'api/rate-limits',
      providesTags: ['RateLimits'],
    }),
  }),
});

export const {
  useGetCompaniesQuery,
  useGetCompanyQuery,
  useGetCompanyModelsQuery,
  useGetModelsQuery,
  useGetModelQuery,
  useGetTiersQuery,
  useGetRateLimitsQuery,
} = catalogApi;
