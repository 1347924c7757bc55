import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationLevel } from '../../../../../shared/src/escalation';
import type { RequestStatus, RequestType } from '../../../../../shared/src/request-status';
import type { AttachmentMeta } from '../../../components/attachment-list';
import { api, type ListResult } from '../../../lib/api-client';

/** A factor request (要素保障需求) as the API answers it. */
export interface FactorRequest {
  id: string;
  code: string;
  projectId: string | null;
  projectName: string | null;
  leaderName: string | null;
  firmId: string;
  firmName: string;
  type: RequestType;
  title: string;
  description: string | null;
  neededBy: string | null;
  status: RequestStatus;
  statusReason: string | null;
  departmentId: string | null;
  departmentName: string | null;
  departmentHead: string | null;
  deadline: string | null;
  resolution: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  confirmedAt: string | null;
  raisedByName: string | null;
  overdue: boolean;
  daysLate: number;
  escalation: EscalationLevel;
  escalationNextOn: string | null;
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequestEvent {
  id: string;
  kind: 'status' | 'note' | 'assign' | 'escalation' | 'attachment';
  fromStatus: string | null;
  toStatus: string | null;
  departmentName: string | null;
  deadline: string | null;
  note: string | null;
  level: string | null;
  actorName: string | null;
  at: string;
}

export interface RequestDetail extends FactorRequest {
  events: RequestEvent[];
  attachments: AttachmentMeta[];
  can: {
    assign: boolean;
    moves: Array<{ to: RequestStatus; needsReason: boolean }>;
    note: boolean;
    attach: boolean;
  };
}

export interface OverviewCounts {
  open: number;
  overdue: number;
  resolved: number;
  avgResolutionDays: number | null;
}

export interface RequestOverview {
  byDepartment: Array<OverviewCounts & { departmentId: string | null; departmentName: string | null }>;
  byType: Array<OverviewCounts & { type: RequestType }>;
  totals: OverviewCounts & { unassigned: number };
}

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
