import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SetStageNormsBody, StageNormList } from '../../../../../shared/src/contract/target';
import { api, apiRequest } from '../../../lib/api-client';

export type { StageNorm } from '../../../../../shared/src/contract/target';

const key = ['stage-norms'];

export function useStageNorms() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<StageNormList>('/api/stage-norms', undefined, signal),
  });
}

/** Sets norms (days) or resets them to the default (null); the warnings change with them. */
export function useSetStageNorms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (norms: SetStageNormsBody['norms']) =>
      apiRequest<StageNormList>('/api/stage-norms', { method: 'PUT', body: { norms } }),
    onSuccess: async (data) => {
      qc.setQueryData(key, data);
      await qc.invalidateQueries({ queryKey: ['warnings'] });
      await qc.invalidateQueries({ queryKey: ['cockpit'] });
    },
  });
}
