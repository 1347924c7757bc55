import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordLink } from '../../../../../shared/src/chain';
import type { LeadStatus } from '../../../../../shared/src/lead-status';
import { api, type ListResult } from '../../../lib/api-client';

/** Where a lead came from; `referral` is 以商招商 (a firm already here brought it). */
export const LEAD_SOURCES = [
  'referral',
  'exhibition',
  'resident_office',
  'online',
  'intermediary',
  'news',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const FOLLOWUP_KINDS = ['visit', 'call', 'meeting', 'other'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

/** A lead (招商线索) as the API answers it. */
export interface Lead {
  id: string;
  code: string;
  title: string;
  targetFirmId: string | null;
  targetFirmName: string | null;
  source: LeadSource;
  referrerFirmId: string | null;
  referrerFirmName: string | null;
  /** Imported free text; the picked link is `linkId` / `link`. */
  chainLink: string | null;
  linkId: string | null;
  link: RecordLink | null;
  estimatedInvestment: number | null;
  ownerId: string | null;
  ownerName: string | null;
  status: LeadStatus;
  statusReason: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
  /** nextStepDate is before today (Asia/Shanghai) and the lead is not final. */
  overdue: boolean;
  projectId: string | null;
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Followup {
  id: string;
  leadId: string;
  kind: FollowupKind;
  date: string;
  people: string | null;
  notes: string | null;
  actorName: string | null;
  createdAt: string;
}

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

export interface LeadInput {
  title?: string;
  source?: LeadSource;
  targetFirmId?: string | null;
  /** The target's name when it is not in the firm register yet. */
  targetFirmName?: string | null;
  referrerFirmId?: string | null;
  chainLink?: string | null;
  linkId?: string | null;
  estimatedInvestment?: number | null;
  ownerId?: string | null;
  nextStep?: string | null;
  nextStepDate?: string | null;
}

export interface SignLeadInput {
  version: number;
  projectName: string;
  totalInvestment?: number | null;
  park?: string | null;
  signedDate: string;
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
    mutationFn: (input: LeadInput & { title: string; source: LeadSource }) =>
      api.post<Lead>('/api/leads', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: LeadInput & { version: number } }) =>
      api.patch<Lead>(leadPath(id), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useMoveLeadStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { to: LeadStatus; reason?: string | null; version: number }) =>
      api.post<Lead>(`${leadPath(id)}/status`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useAddFollowup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      kind: FollowupKind;
      date: string;
      people?: string | null;
      notes?: string | null;
    }) => api.post<Followup>(`${leadPath(id)}/followups`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

/** 签约: the server creates the project at 签约 and links both ways. */
export function useSignLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignLeadInput) =>
      api.post<{ lead: Lead; project: { id: string; name: string } }>(`${leadPath(id)}/sign`, input),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: leadsKey });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
