import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetMetric, TargetUnitType } from '../../../../../shared/src/dispatch';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { api, apiRequest } from '../../../lib/api-client';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): a cross-feature import left until the response types live in shared/
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

export interface TargetUnitOption {
  unitType: TargetUnitType;
  unitKey: string;
  unitName: string;
}

/** The units a target can be set for (admins: the editor's picker). */
export function useTargetUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['targets', 'units'],
    queryFn: ({ signal }) => api.get<{ items: TargetUnitOption[] }>('/api/targets/units', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

export interface SetTargetsBody {
  year: number;
  unitType: TargetUnitType;
  unitKey: string;
  unitName?: string;
  /** A value sets the metric's target; null removes it. */
  values: Partial<Record<TargetMetric, number | null>>;
}

export function useSetTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetTargetsBody) => apiRequest('/api/targets', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}

export function useDeleteTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (q: { year: number; unitType: TargetUnitType; unitKey: string }) =>
      apiRequest<{ deleted: number }>('/api/targets', { method: 'DELETE', query: q }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}
