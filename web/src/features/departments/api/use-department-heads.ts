import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Department,
  HeadCandidate,
  SetDepartmentHeadBody,
} from '../../../../../shared/src/contract/account';
import { apiRequest } from '../../../lib/api-client';

export type { Department, HeadCandidate } from '../../../../../shared/src/contract/account';

const path = (id: string) => `/api/departments/${encodeURIComponent(id)}`;

/** Who may head department `id` (its department users and the leaders); asked when the picker opens. */
export function useHeadCandidates(id: string) {
  return useQuery({
    queryKey: ['departments', id, 'head-candidates'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: HeadCandidate[] }>(`${path(id)}/head-candidates`, { signal }),
  });
}

export function useSetDepartmentHead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SetDepartmentHeadBody & { id: string }) =>
      apiRequest<Department>(`${path(id)}/head`, { method: 'PUT', body }),
    // The shared department list (lib/use-departments.ts) shows the head too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['departments'] }),
  });
}
