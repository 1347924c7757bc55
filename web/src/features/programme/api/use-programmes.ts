import { useQuery } from '@tanstack/react-query';
import type { Figure } from '../../../components/figure-cards';
import { api, type ListResult } from '../../../lib/api-client';
import type { Task } from '../../task/api/use-tasks';

export type Programme = Task & { figures: Figure[] };

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: ({ signal }) =>
      api.get<ListResult<Programme>>('/api/programmes', { limit: 50, offset: 0 }, signal),
  });
}
