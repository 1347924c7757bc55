import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceStatus, MuClass } from '../../../../../shared/src/agreement';
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

/** A page of 履约考核 of a year across the zone (GET /api/compliance?year=&status=&page=&pageSize=). */
export function useCompliance(q: {
  year: number;
  status?: ComplianceStatus | undefined;
  page: number;
  pageSize: number;
  park?: string;
  chain?: string;
}) {
  return useQuery({
    queryKey: ['compliance', q],
    queryFn: ({ signal }) => api.get<Compliance>('/api/compliance', q, signal),
    // The summary and the rows stay on screen while the next page loads.
    placeholderData: keepPreviousData,
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

/** A page of a year's 亩均 evaluation (one class, or `unrated`, if asked); 404 while it has not been run. */
export function useMuEvaluation(
  year: number,
  q: { class?: MuClass | 'unrated' | undefined; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['mu-evaluation', year, q],
    queryFn: ({ signal }) => api.get<MuEvaluation>(`/api/mu-evaluations/${year}`, q, signal),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useRunMuEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<MuEvaluation>('/api/mu-evaluations', { year }),
    onSuccess: (ev) => client.invalidateQueries({ queryKey: ['mu-evaluation', ev.year] }),
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
