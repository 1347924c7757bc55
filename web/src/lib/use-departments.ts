import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../shared/src/contract/account';
import { api, type ListResult } from './api-client';
import { useCan } from './use-me';

export type { Department } from '../../../shared/src/contract/account';

/**
 * All departments, for selects; they change rarely, so they stay cached for a few minutes. A role
 * without `department.read` (an enterprise user) makes no call it would be refused: the list stays
 * empty and the pages show department names from their own answers.
 */
export function useDepartments() {
  const can = useCan();
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<ListResult<Department>>('/api/departments', undefined, signal),
    staleTime: 5 * 60_000,
    enabled: can('department.read'),
  });
}
