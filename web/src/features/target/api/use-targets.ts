import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetMetric, TargetUnitType } from '../../../../../shared/src/dispatch';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { api, apiRequest } from '../../../lib/api-client';
import type { ListLink } from '../../cockpit/api/use-cockpit';

export interface TargetUnit {
  unitType: TargetUnitType;
  unitKey: string;
  unitName: string;
  isSample: boolean;
  score: number | null;
  rank: number | null;
  metrics: Array<{
    metric: TargetMetric;
    target: number | null;
    actual: number;
    rate: number | null;
    link: ListLink | null;
  }>;
}

export interface Targets {
  year: number;
  timeElapsed: number;
  rule: Bilingual;
  units: TargetUnit[];
}

export function useTargets(year?: number) {
  return useQuery({
    queryKey: ['targets', year],
    queryFn: ({ signal }) => api.get<Targets>('/api/targets', { year }, signal),
  });
}

export function useSetTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      year: number;
      unitType: TargetUnitType;
      unitKey: string;
      unitName: string;
      values: Partial<Record<TargetMetric, number | null>>;
    }) => apiRequest('/api/targets', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}
