import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActualImportResult,
  Compliance,
  ComplianceActionBody,
  MuEvaluation,
} from '../../../../../shared/src/contract/agreement';
import { api } from '../../../lib/api-client';

export type {
  ActualImportResult,
  Compliance,
  ComplianceItem,
  MuEvaluation,
  MuItem,
} from '../../../../../shared/src/contract/agreement';

/** 履约考核 of a year across the zone (GET /api/compliance?year=). */
export function useCompliance(year: number, scope: { park?: string; chain?: string } = {}) {
  return useQuery({
    queryKey: ['compliance', year, scope],
    queryFn: ({ signal }) => api.get<Compliance>('/api/compliance', { year, ...scope }, signal),
  });
}

/** POST /api/actuals/import: all or nothing; refused rows come back with an error file. */
export function useImportActuals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ActualImportResult>('/api/actuals/import', form);
    },
    onSuccess: (result) => {
      if (result.ok) void client.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

/** A year's 亩均 evaluation; 404 while it has not been run. */
export function useMuEvaluation(year: number) {
  return useQuery({
    queryKey: ['mu-evaluation', year],
    queryFn: ({ signal }) => api.get<MuEvaluation>(`/api/mu-evaluations/${year}`, undefined, signal),
    retry: false,
  });
}

export function useRunMuEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<MuEvaluation>('/api/mu-evaluations', { year }),
    onSuccess: (ev) => client.setQueryData(['mu-evaluation', ev.year], ev),
  });
}

/** POST /api/agreements/:id/actions: a consequence (约谈, 延期, 追回 …) recorded on a commitment. */
export function useRecordAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agreementId, body }: { agreementId: string; body: ComplianceActionBody }) =>
      api.post(`/api/agreements/${agreementId}/actions`, body),
    // An extension moves the deadline, so the item's status may change.
    onSuccess: () => client.invalidateQueries({ queryKey: ['compliance'] }),
  });
}
