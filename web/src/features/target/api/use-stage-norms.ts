import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { api, apiRequest } from '../../../lib/api-client';

export interface StageNorm {
  stage: string;
  label: Bilingual;
  days: number;
  defaultDays: number;
  custom: boolean;
  updatedAt: string | null;
}

const key = ['stage-norms'];

export function useStageNorms() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: StageNorm[] }>('/api/stage-norms', undefined, signal),
  });
}

/** Sets norms (days) or resets them to the default (null); the warnings change with them. */
export function useSetStageNorms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (norms: Record<string, number | null>) =>
      apiRequest<{ items: StageNorm[] }>('/api/stage-norms', { method: 'PUT', body: { norms } }),
    onSuccess: async (data) => {
      qc.setQueryData(key, data);
      await qc.invalidateQueries({ queryKey: ['warnings'] });
      await qc.invalidateQueries({ queryKey: ['cockpit'] });
    },
  });
}
