import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FactorRequest,
  RequestDetail,
  RequestOverview,
} from '../../../../../shared/src/contract/request';
import type { RequestStatus, RequestType } from '../../../../../shared/src/request-status';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  FactorRequest,
  OverviewCounts,
  RequestDetail,
  RequestEvent,
  RequestOverview,
} from '../../../../../shared/src/contract/request';

/** The list's filters; a cockpit figure links to `/requests` with some of them in the address. */
export interface RequestFilters {
  q?: string;
  status?: string;
  type?: RequestType;
  departmentId?: string;
  /** Not yet assigned to a department. */
  unassigned?: boolean;
  /** The project's park / chain (the cockpit's park and chain filters). */
  park?: string;
  chainId?: string;
  projectId?: string;
  firmId?: string;
  overdue?: boolean;
  /** Not yet confirmed by the firm (未办结). */
  open?: boolean;
}

export interface RequestListQuery extends RequestFilters {
  limit: number;
  offset: number;
}

const key = ['requests'] as const;
const path = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export function useRequests(query: RequestListQuery, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<FactorRequest>>('/api/requests', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The name of a chain a filter names (only for roles that may read chains). */
export function useChainName(chainId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['chains', 'detail', chainId],
    queryFn: ({ signal }) =>
      api.get<{ id: string; name: string }>(`/api/chains/${chainId}`, undefined, signal),
    enabled: enabled && !!chainId,
    select: (c) => c.name,
  });
}

export function useRequestQueue(
  query: { departmentId?: string; limit: number; offset: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [...key, 'queue', query],
    queryFn: ({ signal }) => api.get<ListResult<FactorRequest>>('/api/requests/queue', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRequestOverview(enabled = true) {
  return useQuery({
    queryKey: [...key, 'overview'],
    queryFn: ({ signal }) => api.get<RequestOverview>('/api/requests/overview', undefined, signal),
    enabled,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<RequestDetail>(path(id), undefined, signal),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
}

export function useCreateRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      projectId?: string | null;
      firmId?: string | null;
      type: RequestType;
      title: string;
      description?: string | null;
      neededBy?: string | null;
    }) => api.post<FactorRequest>('/api/requests', input),
    onSuccess: invalidate,
  });
}

export function useAssignRequest(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      departmentId: string;
      deadline?: string | null;
      reason?: string | null;
      version: number;
    }) => api.post<FactorRequest>(`${path(id)}/assign`, input),
    onSettled: invalidate,
  });
}

export function useMoveRequest(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { to: RequestStatus; reason?: string | null; version: number }) =>
      api.post<FactorRequest>(`${path(id)}/status`, input),
    onSettled: invalidate,
  });
}

export function useAddRequestNote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (note: string) => api.post<RequestDetail>(`${path(id)}/notes`, { note }),
    onSuccess: invalidate,
  });
}

export function useInvalidateRequests() {
  return useInvalidate();
}
