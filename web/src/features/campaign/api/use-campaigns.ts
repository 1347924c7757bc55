import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignDetail } from '../../../../../shared/src/contract/campaign';
import type { Task } from '../../../../../shared/src/contract/task';
import { api, type ListResult } from '../../../lib/api-client';

export type { Campaign, CampaignDetail } from '../../../../../shared/src/contract/campaign';

export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'list'],
    queryFn: ({ signal }) => api.get<ListResult<Campaign>>('/api/campaigns', undefined, signal),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['campaigns', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<CampaignDetail>(`/api/campaigns/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/**
 * The tasks of a campaign, or of one of its actions (the task list's own endpoint and cache key, so
 * a change to a task on its own page refreshes this list too).
 */
export function useCampaignTasks(campaignId: string, campaignActionId: string | undefined) {
  const query = { campaignId, campaignActionId, limit: 200, offset: 0 };
  return useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Task>>('/api/tasks', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
