import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelTest, CreateChannelBody } from '../../../../../shared/src/contract/notify';
import { api } from '../../../lib/api-client';

export type { Channel, ChannelTest } from '../../../../../shared/src/contract/notify';

const key = ['notify-channels'] as const;
const path = (id: string) => `/api/notify/channels/${encodeURIComponent(id)}`;

export type NewChannel = CreateChannelBody;

export function useChannels() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: Channel[] }>('/api/notify/channels', undefined, signal),
  });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChannel) => api.post<Channel>('/api/notify/channels', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useToggleChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: { id: string; version: number; enabled: boolean }) =>
      api.patch<Channel>(path(c.id), { version: c.version, enabled: c.enabled }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useTestChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ChannelTest>(`${path(id)}/test`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
