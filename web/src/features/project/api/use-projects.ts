import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordLink } from '../../../../../shared/src/chain';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { api, type ListResult } from '../../../lib/api-client';

/** 省重点 / 市重点 / 区重点: which level of government lists the project as key. */
export const PROJECT_PRIORITIES = ['provincial', 'municipal', 'district'] as const;
export type ProjectPriority = (typeof PROJECT_PRIORITIES)[number];

export interface ProjectInvestor {
  firmId: string;
  firmName: string;
  sharePct: number | null;
}

/** A project (项目, 一项目一档) as the API answers it. Money is integer yuan; land in 亩. */
export interface Project {
  id: string;
  code: string;
  name: string;
  investors: ProjectInvestor[];
  park: string | null;
  landMu: number | null;
  totalInvestment: number | null;
  fixedAssetInvestment: number | null;
  fundsInPlace: number | null;
  capacityQuantity: number | null;
  capacityUnit: string | null;
  capacityProduct: string | null;
  capacityText: string | null;
  expectedOutput: number | null;
  expectedTax: number | null;
  expectedJobs: number | null;
  expectedExports: number | null;
  priority: ProjectPriority | null;
  officerId: string | null;
  officerName: string | null;
  /** 包保领导: the leader who personally backs the project. */
  leaderName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Imported free text; the picked link is `linkId` / `link`. */
  chainLink: string | null;
  linkId: string | null;
  link: RecordLink | null;
  leadId: string | null;
  /** 开工日期: required to enter 开工 (set by the move when missing). Not in the contract; the server has it. */
  startDate: string | null;
  stage: ProjectStage;
  stageDate: string | null;
  pausedFromStage: ProjectStage | null;
  stageReason: string | null;
  lateMilestones: number;
  maxDaysLate: number;
  figures: {
    /** 累计到位资金 and 累计完成投资 as defined in shared/src/figures.ts. */
    fundsInPlaceCumulative: number | null;
    completedInvestmentCumulative: number | null;
    asOf: string | null;
    investmentPerMu: number | null;
    expectedTaxPerMu: number | null;
    expectedOutputPerMu: number | null;
  };
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Milestone {
  id: string;
  name: string;
  plannedDate: string | null;
  actualDate: string | null;
  ownerName: string | null;
  late: boolean;
  daysLate: number;
  isSample?: boolean;
  version: number;
}

export interface TimelineItem {
  at: string;
  date: string;
  kind: 'stage' | 'milestone' | 'followup' | 'edit';
  title: { zh: string; en: string };
  detail: string | null;
  /** Edits: changed fields as `project.landMu`, `milestone.plannedDate` (labelled by the card). */
  fields: string[];
  actorName: string | null;
}

/** The list filters; the kanban and the export take the same. */
export interface ProjectFilters {
  q?: string;
  stage?: string;
  chainLink?: string;
  park?: string;
  priority?: ProjectPriority;
  officerId?: string;
  firmId?: string;
  late?: boolean;
  minInvestment?: number;
  maxInvestment?: number;
  /** Set from a cockpit click-through (issue 6): a chain, a signing-date range. */
  chainId?: string;
  /** A chain link: projects on it or beneath it. */
  linkId?: string;
  signedFrom?: string;
  signedTo?: string;
  sort?: string;
}

export interface KanbanColumn {
  stage: ProjectStage;
  count: number;
  totalInvestment: number;
  items: Project[];
}

export type ProjectInput = Partial<
  Pick<
    Project,
    | 'name'
    | 'park'
    | 'landMu'
    | 'totalInvestment'
    | 'fixedAssetInvestment'
    | 'fundsInPlace'
    | 'capacityQuantity'
    | 'capacityUnit'
    | 'capacityProduct'
    | 'expectedOutput'
    | 'expectedTax'
    | 'expectedJobs'
    | 'expectedExports'
    | 'priority'
    | 'officerId'
    | 'leaderName'
    | 'contactName'
    | 'contactPhone'
    | 'chainLink'
    | 'linkId'
    | 'startDate'
  >
> & { investors?: { firmId: string; sharePct?: number | null }[] };

const projectsKey = ['projects'] as const;
const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export function useProjects(query: ProjectFilters & { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...projectsKey, 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Project>>('/api/projects', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProjectKanban(filters: ProjectFilters, enabled: boolean) {
  const { sort: _sort, ...query } = filters;
  return useQuery({
    queryKey: [...projectsKey, 'kanban', query],
    queryFn: ({ signal }) =>
      api.get<{ columns: KanbanColumn[] }>('/api/projects/kanban', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Project>(projectPath(id), undefined, signal),
  });
}

export function useMilestones(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'milestones', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Milestone[] }>(`${projectPath(id)}/milestones`, undefined, signal),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'timeline', id],
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineItem[] }>(`${projectPath(id)}/timeline`, undefined, signal),
  });
}

/** Any change to a project touches its detail, lists, milestones and timeline: reload them all. */
function useInvalidateProjects() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: projectsKey });
}

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: ProjectInput & { name: string }) => api.post<Project>('/api/projects', input),
    onSuccess: invalidate,
  });
}

export function useUpdateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ProjectInput & { version: number } }) =>
      api.patch<Project>(projectPath(id), input),
    onSettled: invalidate,
  });
}

export function useMoveStage(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: { to: ProjectStage; date: string; reason?: string | null; version: number }) =>
      api.post<Project>(`${projectPath(id)}/stage`, input),
    onSuccess: invalidate,
  });
}

export function useAddMilestone(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: { name: string; plannedDate: string; ownerName?: string | null }) =>
      api.post<Milestone>(`${projectPath(id)}/milestones`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateMilestone(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({
      milestoneId,
      input,
    }: {
      milestoneId: string;
      input: { version: number; actualDate?: string | null; plannedDate?: string | null; name?: string };
    }) => api.patch<Milestone>(`${projectPath(id)}/milestones/${encodeURIComponent(milestoneId)}`, input),
    onSettled: invalidate,
  });
}
