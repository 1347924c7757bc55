import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProblemListBody,
  ProblemList,
  ProblemListDetail,
} from '../../../../../shared/src/contract/problem';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  ProblemItem,
  ProblemList,
  ProblemListDetail,
  ProblemSummary,
} from '../../../../../shared/src/contract/problem';

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
    mutationFn: (input: CreateProblemListBody) => api.post<ProblemListDetail>('/api/problem-lists', input),
    onSuccess: invalidate,
  });
}

export function useInvalidateProblems() {
  return useInvalidate();
}
