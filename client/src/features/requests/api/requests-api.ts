import { api, cleanParams } from '@/lib/api';
import type { RequestPage } from '@/types/api';

export interface RequestFilters {
  model?: string;
  keyId?: string;
  /** ISO-8601 instant */
  from?: string;
  /** ISO-8601 instant */
  to?: string;
}

export const REQUESTS_PAGE_SIZE = 50;

export const requestsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getRequests: build.infiniteQuery<RequestPage, RequestFilters, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: 'api/requests',
        params: cleanParams({ ...queryArg, cursor: pageParam ?? undefined, limit: REQUESTS_PAGE_SIZE }),
      }),
      providesTags: ['Requests'],
    }),
  }),
});

export const { useGetRequestsInfiniteQuery } = requestsApi;
