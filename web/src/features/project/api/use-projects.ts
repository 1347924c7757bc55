import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  AddMilestoneBody,
  CreateProjectBody,
  Milestone,
  MoveStageBody,
  Project,
  ProjectKanban,
  ProjectList,
  ProjectListItem,
  TimelineItem,
  UpdateMilestoneBody,
  UpdateProjectBody,
  VerifyFiguresBody,
} from '../../../../../shared/src/contract/project';
import type { ProjectPriority } from '../../../../../shared/src/pipeline-enums';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  KanbanColumn,
  Milestone,
  Project,
  ProjectInput,
  ProjectInvestor,
  ProjectList,
  ProjectListItem,
  TimelineItem,
} from '../../../../../shared/src/contract/project';
export { PROJECT_PRIORITIES, type ProjectPriority } from '../../../../../shared/src/pipeline-enums';

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

const projectsKey = ['projects'] as const;
const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

type ProjectPageQuery = ProjectFilters & { limit: number } & ({ offset: number } | { cursor: string });

function useProjects(query: ProjectPageQuery, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...projectsKey, 'list', query],
    queryFn: ({ signal }) => api.get<ProjectList>('/api/projects', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The first pages are asked for by number; deeper ones by cursor when the page before was read. */
const PAGES_BY_NUMBER = 5;

/**
 * One page of the project list. Page numbers stay (antd's pager, a jump to any page), but "next"
 * beyond the first pages sends the cursor the page before handed back (issue 19): the database
 * then starts right after that page's last row instead of stepping over every earlier one.
 */
export function useProjectPage(
  filters: ProjectFilters,
  page: { current: number; pageSize: number },
  enabled = true,
) {
  const key = JSON.stringify([filters, page.pageSize]);
  const [starts, setStarts] = useState<{ key: string; byPage: Record<number, string> }>({
    key,
    byPage: {},
  });
  const cursor =
    starts.key === key && page.current > PAGES_BY_NUMBER ? starts.byPage[page.current] : undefined;
  const result = useProjects(
    cursor
      ? { ...filters, limit: page.pageSize, cursor }
      : { ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize },
    enabled,
  );
  const next = result.isPlaceholderData ? null : (result.data?.nextCursor ?? null);
  useEffect(() => {
    if (!next) return;
    setStarts((current) => {
      const byPage = current.key === key ? current.byPage : {};
      if (byPage[page.current + 1] === next) return current;
      return { key, byPage: { ...byPage, [page.current + 1]: next } };
    });
  }, [next, key, page.current]);
  return result;
}

export function useProjectKanban(filters: ProjectFilters, enabled: boolean) {
  const { sort: _sort, ...query } = filters;
  return useQuery({
    queryKey: [...projectsKey, 'kanban', query],
    queryFn: ({ signal }) => api.get<ProjectKanban>('/api/projects/kanban', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Cards a kanban column fetches per scroll step, after the first ones the kanban answer carries. */
export const KANBAN_PAGE = 30;

/**
 * The rest of one kanban column, a page per scroll step, from the list route with the same filters
 * and the column's stage; `after` is how many cards the kanban answer already carried.
 */
export function useKanbanColumnPages(
  filters: ProjectFilters,
  column: { stage: string; after: number; total: number },
  enabled: boolean,
) {
  const { stage, after, total } = column;
  const { sort: _sort, stage: _stage, ...query } = filters;
  return useInfiniteQuery({
    queryKey: [...projectsKey, 'kanban-column', stage, after, query],
    initialPageParam: after,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListResult<ProjectListItem>>(
        '/api/projects',
        { ...query, stage, sort: '-totalInvestment', offset: pageParam, limit: KANBAN_PAGE },
        signal,
      ),
    getNextPageParam: (last, pages) => {
      const loaded = after + pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < total ? loaded : undefined;
    },
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
    mutationFn: (input: CreateProjectBody) => api.post<Project>('/api/projects', input),
    onSuccess: invalidate,
  });
}

export function useUpdateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateProjectBody }) =>
      api.patch<Project>(projectPath(id), input),
    onSettled: invalidate,
  });
}

/** 核实: marks figures verified at their current values (POST /api/projects/:id/figures/verify). */
export function useVerifyFigures(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: VerifyFiguresBody) => api.post<Project>(`${projectPath(id)}/figures/verify`, input),
    onSuccess: invalidate,
  });
}

export function useMoveStage(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: MoveStageBody) => api.post<Project>(`${projectPath(id)}/stage`, input),
    onSuccess: invalidate,
  });
}

export function useAddMilestone(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: AddMilestoneBody) => api.post<Milestone>(`${projectPath(id)}/milestones`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateMilestone(id: string) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: ({ milestoneId, input }: { milestoneId: string; input: UpdateMilestoneBody }) =>
      api.patch<Milestone>(`${projectPath(id)}/milestones/${encodeURIComponent(milestoneId)}`, input),
    onSettled: invalidate,
  });
}
