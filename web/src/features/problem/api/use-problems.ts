import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosingGap, ProblemCloseStatus } from '../../../../../shared/src/closing';
import type { AttachmentMeta } from '../../../components/attachment-list';
import { api, type ListResult } from '../../../lib/api-client';

export interface ProblemSummary {
  total: number;
  closed: number;
  closedOnTime: number;
  closedLate: number;
  open: number;
  overdue: number;
  /** Closings proposed and awaiting the 督查室, and closings it returned (decision 013). */
  proposed: number;
  returned: number;
}

export interface ProblemList {
  id: string;
  code: string;
  title: string;
  source: 'inspection' | 'meeting' | 'audit' | 'supervision' | 'other';
  sourceTitle: string | null;
  issuedDate: string;
  summary: ProblemSummary;
  isSample: boolean;
  version: number;
  createdAt: string;
}

export interface ProblemItem {
  id: string;
  position: number;
  problem: string;
  measure: string;
  departmentId: string;
  departmentName: string | null;
  deadline: string;
  closedDate: string | null;
  evidence: string | null;
  closedByName: string | null;
  state: 'open' | 'overdue' | 'closed_on_time' | 'closed_late';
  closeStatus: ProblemCloseStatus;
  rectifiedDate: string | null;
  proposedAt: string | null;
  proposedByName: string | null;
  verifiedAt: string | null;
  returnReason: string | null;
  returnedAt: string | null;
  returnedByName: string | null;
  evidenceLink: { entity: string; id: string; label: string } | null;
  closingGaps: ClosingGap[];
  canPropose: boolean;
  canVerify: boolean;
  attachments: AttachmentMeta[];
  version: number;
}

export interface ProblemListDetail extends ProblemList {
  items: ProblemItem[];
}

const key = ['problem-lists'] as const;
const path = (id: string) => `/api/problem-lists/${encodeURIComponent(id)}`;

export function useProblemLists() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: ({ signal }) =>
      api.get<ListResult<ProblemList>>('/api/problem-lists', { limit: 200, offset: 0 }, signal),
  });
}

export function useProblemList(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<ProblemListDetail>(path(id), undefined, signal),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
}

const itemPath = (listId: string, itemId: string, verb: string) =>
  `${path(listId)}/items/${encodeURIComponent(itemId)}/${verb}`;

/** 申请销号: the unit proposes closing one item with its evidence. */
export function useProposeProblemItem(listId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { itemId: string; evidence: string; version: number }) =>
      api.post<ProblemListDetail>(itemPath(listId, input.itemId, 'propose'), {
        evidence: input.evidence,
        version: input.version,
      }),
    onSettled: invalidate,
  });
}

/** 核验销号 or 退回: the 督查室 decides on a proposed item. */
export function useDecideProblemItem(listId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      itemId: string;
      decision: 'verify' | 'return';
      reason?: string;
      version: number;
    }) =>
      api.post<ProblemListDetail>(itemPath(listId, input.itemId, 'decide'), {
        decision: input.decision,
        reason: input.reason ?? null,
        version: input.version,
      }),
    onSettled: invalidate,
  });
}

export function useCreateProblemList() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      title: string;
      source: ProblemList['source'];
      sourceTitle?: string | null;
      issuedDate: string;
      items: Array<{ problem: string; measure: string; departmentId: string; deadline: string }>;
    }) => api.post<ProblemListDetail>('/api/problem-lists', input),
    onSuccess: invalidate,
  });
}

export function useInvalidateProblems() {
  return useInvalidate();
}
