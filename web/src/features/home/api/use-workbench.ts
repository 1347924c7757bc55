import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One of the user's work items as `GET /api/inbox` lists it (request, task, problem-list item). */
export interface WorkItem {
  kind: 'request' | 'task' | 'problem_item';
  id: string;
  code: string;
  title: string;
  deadline: string | null;
  overdue: boolean;
  daysLate: number;
  link: string;
}

export type WorkSection = 'toConfirm' | 'overdue' | 'dueThisWeek' | 'assigned';

type WorkSections = Record<WorkSection, WorkItem[]> & { unread: number };

/** The work sections of the inbox; the same query key as the inbox page, so one fetch serves both. */
export function useWorkSections() {
  return useQuery({
    queryKey: ['inbox', 'full'],
    queryFn: ({ signal }) => api.get<WorkSections>('/api/inbox', undefined, signal),
  });
}

interface RoundSummary {
  id: string;
  title: string;
  deadline: string;
  status: 'open' | 'closed';
  expected: number;
  reported: number;
}

/** Open dispatch rounds with reports still missing in the user's scope (a firm: its own projects). */
export function useRoundsToFile(enabled: boolean) {
  return useQuery({
    queryKey: ['rounds', 'to-file'],
    enabled,
    queryFn: async ({ signal }) => {
      const rounds = await api.get<{ items: RoundSummary[] }>('/api/rounds', undefined, signal);
      return rounds.items.filter((r) => r.status === 'open' && r.reported < r.expected);
    },
  });
}

/** How many records a list endpoint holds for a filter (one row fetched, the total read). */
export function useListTotal(
  path: string,
  query: Record<string, string | number | boolean>,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['workbench-total', path, query],
    enabled,
    queryFn: async ({ signal }) => {
      const page = await api.get<{ total: number }>(path, { ...query, limit: 1, offset: 0 }, signal);
      return page.total;
    },
  });
}
