import { useQuery } from '@tanstack/react-query';
import type { Programme } from '../../../../../shared/src/contract/programme';
import { api, type ListResult } from '../../../lib/api-client';

export type { Programme } from '../../../../../shared/src/contract/programme';

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: ({ signal }) =>
      api.get<ListResult<Programme>>('/api/programmes', { limit: 50, offset: 0 }, signal),
  });
}
