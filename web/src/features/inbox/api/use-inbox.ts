import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Inbox, InboxCount } from '../../../../../shared/src/contract/inbox';
import { api } from '../../../lib/api-client';

export type { Inbox, InboxItem, Notification } from '../../../../../shared/src/contract/inbox';

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
    queryFn: ({ signal }) => api.get<InboxCount>('/api/inbox/count', undefined, signal),
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
