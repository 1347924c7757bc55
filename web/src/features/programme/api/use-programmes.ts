import { useQuery } from '@tanstack/react-query';
import type { Figure } from '../../../components/figure-cards';
import { api, type ListResult } from '../../../lib/api-client';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): a cross-feature import left until the response types live in shared/
import type { Task } from '../../task/api/use-tasks';

export type Programme = Task & { figures: Figure[] };

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: ({ signal }) =>
      api.get<ListResult<Programme>>('/api/programmes', { limit: 50, offset: 0 }, signal),
  });
}
