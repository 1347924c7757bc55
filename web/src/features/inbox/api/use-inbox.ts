import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface InboxItem {
  kind: 'request' | 'task' | 'problem_item';
  id: string;
  code: string;
  title: string;
  status: string;
  deadline: string | null;
  overdue: boolean;
  daysLate: number;
  link: string;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  assigned: InboxItem[];
  dueThisWeek: InboxItem[];
  overdue: InboxItem[];
  toConfirm: InboxItem[];
  notifications: Notification[];
  unread: number;
  badge: number;
}

const key = ['inbox'] as const;

export function useInbox() {
  return useQuery({
    queryKey: [...key, 'full'],
    queryFn: ({ signal }) => api.get<Inbox>('/api/inbox', undefined, signal),
  });
}

/** The header badge: refreshed every minute and whenever the inbox changes. */
export function useInboxCount() {
  return useQuery({
    queryKey: [...key, 'count'],
    queryFn: ({ signal }) =>
      api.get<{ badge: number; unread: number }>('/api/inbox/count', undefined, signal),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      api.post(
        id ? `/api/inbox/notifications/${encodeURIComponent(id)}/read` : '/api/inbox/notifications/read-all',
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
