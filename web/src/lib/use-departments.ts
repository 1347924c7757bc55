import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../shared/src/contract/account';
import { api, type ListResult } from './api-client';

export type { Department } from '../../../shared/src/contract/account';

/** All departments, for selects; they change rarely, so they stay cached for a few minutes. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<ListResult<Department>>('/api/departments', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
