import { useQuery } from '@tanstack/react-query';
import { api, type ListResult } from './api-client';

/** A unit of the zone (land, planning, approvals, power …). */
export interface Department {
  id: string;
  name: string;
  code: string;
}

/** All departments, for selects; they change rarely, so they stay cached for a few minutes. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<ListResult<Department>>('/api/departments', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
