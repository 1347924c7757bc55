import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTaskBody, Task, TaskDetail } from '../../../../../shared/src/contract/task';
import type { TaskType } from '../../../../../shared/src/task-status';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  Task,
  TaskDetail,
  TaskMilestone as Milestone,
} from '../../../../../shared/src/contract/task';

export interface TaskListQuery {
  q?: string;
  type?: TaskType;
  status?: string;
  campaignId?: string;
  campaignActionId?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
}

const key = ['tasks'] as const;
const path = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export function useTasks(query: TaskListQuery) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Task>>('/api/tasks', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(path(id), undefined, signal),
  });
}

function useTaskMutation<I>(fn: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

export const useCreateTask = () =>
  useTaskMutation((input: CreateTaskBody) => api.post<Task>('/api/tasks', input));
export const useReportProgress = (id: string) =>
  useTaskMutation((input: { content: string; percent?: number | null }) =>
    api.post(`${path(id)}/reports`, input),
  );
export const useAddMilestone = (id: string) =>
  useTaskMutation((input: { name: string; plannedDate: string }) =>
    api.post(`${path(id)}/milestones`, input),
  );
export const useUpdateMilestone = (id: string) =>
  useTaskMutation((input: { milestoneId: string; version: number; doneDate?: string | null }) =>
    api.patch(`${path(id)}/milestones/${encodeURIComponent(input.milestoneId)}`, {
      version: input.version,
      doneDate: input.doneDate,
    }),
  );
export const useProposeTask = (id: string) =>
  useTaskMutation((input: { evidence: string; version: number }) => api.post(`${path(id)}/propose`, input));
export const useDecideTask = (id: string) =>
  useTaskMutation((input: { decision: 'close' | 'return'; note?: string | null; version: number }) =>
    api.post(`${path(id)}/close`, input),
  );
export function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}
