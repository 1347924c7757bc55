import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddFollowupBody,
  CreateLeadBody,
  Followup,
  Lead,
  MoveLeadStatusBody,
  SignedLead,
  SignLeadBody,
  UpdateLeadBody,
} from '../../../../../shared/src/contract/lead';
import type { LeadSource } from '../../../../../shared/src/pipeline-enums';
import { api, type ListResult } from '../../../lib/api-client';

export type { Followup, Lead, LeadInput, SignLeadBody } from '../../../../../shared/src/contract/lead';
export {
  FOLLOWUP_KINDS,
  type FollowupKind,
  LEAD_SOURCES,
  type LeadSource,
} from '../../../../../shared/src/pipeline-enums';

export interface LeadListQuery {
  q?: string;
  status?: string;
  source?: LeadSource;
  ownerId?: string;
  mine?: boolean;
  overdue?: boolean;
  chainLink?: string;
  /** A chain link: leads on it or beneath it. */
  linkId?: string;
  minInvestment?: number;
  maxInvestment?: number;
  sort?: string;
  limit: number;
  offset: number;
}

const leadsKey = ['leads'] as const;
const leadPath = (id: string) => `/api/leads/${encodeURIComponent(id)}`;

export function useLeads(query: LeadListQuery) {
  return useQuery({
    queryKey: [...leadsKey, 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Lead>>('/api/leads', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: [...leadsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Lead>(leadPath(id), undefined, signal),
  });
}

export function useFollowups(id: string) {
  return useQuery({
    queryKey: [...leadsKey, 'followups', id],
    queryFn: ({ signal }) => api.get<{ items: Followup[] }>(`${leadPath(id)}/followups`, undefined, signal),
  });
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLeadBody) => api.post<Lead>('/api/leads', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateLeadBody }) =>
      api.patch<Lead>(leadPath(id), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useMoveLeadStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MoveLeadStatusBody) => api.post<Lead>(`${leadPath(id)}/status`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useAddFollowup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddFollowupBody) => api.post<Followup>(`${leadPath(id)}/followups`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

/** 签约: the server creates the project at 签约 and links both ways. */
export function useSignLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignLeadBody) => api.post<SignedLead>(`${leadPath(id)}/sign`, input),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: leadsKey });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
