import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeleteTargetsQuery,
  DeleteTargetsResult,
  SetTargetsBody,
  Targets,
  TargetUnitOption,
} from '../../../../../shared/src/contract/target';
import { api, apiRequest } from '../../../lib/api-client';

export type {
  SetTargetsBody,
  Targets,
  TargetUnit,
  TargetUnitOption,
} from '../../../../../shared/src/contract/target';

export function useTargets(year?: number) {
  return useQuery({
    queryKey: ['targets', year],
    queryFn: ({ signal }) => api.get<Targets>('/api/targets', { year }, signal),
  });
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
    mutationFn: (q: DeleteTargetsQuery) =>
      apiRequest<DeleteTargetsResult>('/api/targets', { method: 'DELETE', query: q }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}
