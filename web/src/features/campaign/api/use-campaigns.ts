import { useQuery } from '@tanstack/react-query';
import type { Figure } from '../../../components/figure-cards';
import { api, type ListResult } from '../../../lib/api-client';

interface Progress {
  taskTotal: number;
  taskClosed: number;
  taskOverdue: number;
  progress: number;
}

export interface Campaign extends Progress {
  id: string;
  name: string;
  kind: 'actions' | 'reform';
  theme: string | null;
  year: number | null;
  region: string | null;
  description: string | null;
  actionCount: number;
  figures: Figure[];
  isSample: boolean;
}

export interface CampaignDetail extends Campaign {
  actions: Array<
    Progress & {
      id: string;
      position: number;
      name: string;
      leadDepartmentName: string | null;
      isSample: boolean;
    }
  >;
}

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
