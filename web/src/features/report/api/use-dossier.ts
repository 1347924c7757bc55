import { useQuery } from '@tanstack/react-query';
import type { Milestone, Project, TimelineItem } from '../../../../../shared/src/contract/project';
import type { RoundReport } from '../../../../../shared/src/contract/round';
import { api, type ListResult } from '../../../lib/api-client';

/**
 * What a project's dossier (项目档案) prints: the project, its milestones, its change history and
 * its round reports. The query keys are the project and round pages' own, so a dossier opened from
 * the project page reads the cache they filled, and their changes reload it.
 */
const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export function useDossierProject(id: string) {
  return useQuery({
    queryKey: ['projects', 'detail', id],
    queryFn: ({ signal }) => api.get<Project>(projectPath(id), undefined, signal),
  });
}

export function useDossierMilestones(id: string) {
  return useQuery({
    queryKey: ['projects', 'milestones', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Milestone[] }>(`${projectPath(id)}/milestones`, undefined, signal),
  });
}

export function useDossierTimeline(id: string) {
  return useQuery({
    queryKey: ['projects', 'timeline', id],
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineItem[] }>(`${projectPath(id)}/timeline`, undefined, signal),
  });
}

export function useDossierReports(id: string, page: { limit: number; offset: number }) {
  const query = { projectId: id };
  return useQuery({
    queryKey: ['rounds', 'reports', query, page],
    queryFn: ({ signal }) =>
      api.get<ListResult<RoundReport>>('/api/rounds/reports', { ...query, ...page }, signal),
  });
}
