import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosingGap } from '../../../../../shared/src/closing';
import type { EscalationLevel } from '../../../../../shared/src/escalation';
import type { PilotLevel, TaskSource, TaskStatus, TaskType } from '../../../../../shared/src/task-status';
import type { AttachmentMeta } from '../../../components/attachment-list';
import { api, type ListResult } from '../../../lib/api-client';

/** A supervised task (督办任务), reform pilot or programme as the API answers it. */
export interface Task {
  id: string;
  code: string;
  type: TaskType;
  title: string;
  description: string | null;
  source: TaskSource;
  sourceTitle: string | null;
  campaignId: string | null;
  campaignName: string | null;
  campaignActionId: string | null;
  actionName: string | null;
  leadDepartmentId: string;
  leadDepartmentName: string | null;
  cooperating: Array<{ id: string; name: string }>;
  leaderName: string | null;
  deadline: string | null;
  status: TaskStatus;
  pilotLevel: PilotLevel | null;
  outcome: string | null;
  region: string | null;
  evidence: string | null;
  proposedAt: string | null;
  proposedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  closeNote: string | null;
  returnReason: string | null;
  overdue: boolean;
  daysLate: number;
  escalation: EscalationLevel;
  escalationNextOn: string | null;
  milestonesTotal: number;
  milestonesDone: number;
  milestonesLate: number;
  progress: number | null;
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Milestone {
  id: string;
  position: number;
  name: string;
  plannedDate: string;
  doneDate: string | null;
  note: string | null;
  late: boolean;
  version: number;
}

export interface TaskDetail extends Task {
  milestones: Milestone[];
  reports: Array<{
    id: string;
    periodKey: string;
    departmentName: string | null;
    content: string;
    percent: number | null;
    actorName: string | null;
    updatedAt: string;
  }>;
  escalations: Array<{ level: string; target: string | null; deadline: string; at: string }>;
  attachments: AttachmentMeta[];
  /** A record linked as evidence (decision 013). */
  evidenceLink: { entity: string; id: string; label: string } | null;
  /** The closing conditions not met yet; empty when the task may be closed. */
  closingGaps: ClosingGap[];
  can: { edit: boolean; report: boolean; propose: boolean; close: boolean };
}

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

export interface TaskInput {
  type: TaskType;
  title: string;
  source: TaskSource;
  sourceTitle?: string | null;
  description?: string | null;
  leadDepartmentId: string;
  cooperatingDepartmentIds?: string[];
  leaderName?: string | null;
  deadline?: string | null;
  campaignId?: string | null;
  campaignActionId?: string | null;
  milestones?: Array<{ name: string; plannedDate: string }>;
}

export const useCreateTask = () => useTaskMutation((input: TaskInput) => api.post<Task>('/api/tasks', input));
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
