import { useQuery } from '@tanstack/react-query';
import type { ProvenanceItem } from '../../../shared/src/contract/intake';
import { api } from './api-client';

/** 来源资讯: the articles a record was changed from. */
export function useProvenance(entity: 'project' | 'firm' | 'lead', id: string, enabled = true) {
  return useQuery({
    queryKey: ['provenance', entity, id],
    queryFn: ({ signal }) =>
      api.get<{ items: ProvenanceItem[] }>(
        `/api/${entity}s/${encodeURIComponent(id)}/provenance`,
        undefined,
        signal,
      ),
    enabled: enabled && id !== '',
  });
}
