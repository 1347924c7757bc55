import { useQuery } from '@tanstack/react-query';
import type { Inbox } from '../../../../../shared/src/contract/inbox';
import type { Round } from '../../../../../shared/src/contract/round';
import { api, type ListResult } from '../../../lib/api-client';

/** One of the user's work items as `GET /api/inbox` lists it (request, task, problem-list item). */
export type { InboxItem as WorkItem } from '../../../../../shared/src/contract/inbox';

export type WorkSection = keyof Pick<Inbox, 'toConfirm' | 'overdue' | 'dueThisWeek' | 'assigned'>;

/** The work sections of the inbox; the same query key as the inbox page, so one fetch serves both. */
export function useWorkSections() {
  return useQuery({
    queryKey: ['inbox', 'full'],
    queryFn: ({ signal }) => api.get<Inbox>('/api/inbox', undefined, signal),
  });
}

/** Open dispatch rounds with reports still missing in the user's scope (a firm: its own projects). */
export function useRoundsToFile(enabled: boolean) {
  return useQuery({
    queryKey: ['rounds', 'to-file'],
    enabled,
    queryFn: async ({ signal }) => {
      const rounds = await api.get<ListResult<Round>>('/api/rounds', undefined, signal);
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
