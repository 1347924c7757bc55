import { useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignDetail } from '../../../../../shared/src/contract/campaign';
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
