import { useQuery } from '@tanstack/react-query';
import type { FactorRequest } from '../../../shared/src/contract/request';
import type { Task } from '../../../shared/src/contract/task';
import { api, type ListResult } from './api-client';

/** Enough for any one project's requests or tasks; the card links to the full list beyond it. */
const WORK_LIMIT = 100;

/**
 * The project's 要素保障需求 and 督办任务 (issue 15), from the lists filtered by project: the server
 * scopes them as everywhere (a firm: its own requests; a department: what is assigned to it). Keys
 * sit under the lists' own, so a change to a request or task refreshes the card too.
 */
export function useProjectRequests(projectId: string, enabled: boolean) {
  const query = { projectId, limit: WORK_LIMIT, offset: 0 };
  return useQuery({
    queryKey: ['requests', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<FactorRequest>>('/api/requests', query, signal),
    enabled,
  });
}

export function useProjectTasks(projectId: string, enabled: boolean) {
  const query = { projectId, limit: WORK_LIMIT, offset: 0 };
  return useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Task>>('/api/tasks', query, signal),
    enabled,
  });
}
