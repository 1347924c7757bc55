import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FactorRequest } from '../../../../../shared/src/contract/request';
import type {
  CreateRoundBody,
  RemindResult,
  ReportFiled,
  ReportRevision,
  Round,
  RoundDetail,
  RoundReport,
  SubmitReportBody,
} from '../../../../../shared/src/contract/round';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  ReportRevision,
  Round,
  RoundDetail,
  RoundProject,
  RoundReport,
  RoundRollup,
  SubmitReportBody as ReportBody,
} from '../../../../../shared/src/contract/round';

const key = ['rounds'];

export function useRounds() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: ({ signal }) => api.get<ListResult<Round>>('/api/rounds', undefined, signal),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: [...key, id],
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/rounds/${id}`, undefined, signal),
  });
}

export function useRoundReports(
  query: Record<string, string>,
  page: { limit: number; offset: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [...key, 'reports', query, page],
    queryFn: ({ signal }) =>
      api.get<ListResult<RoundReport>>('/api/rounds/reports', { ...query, ...page }, signal),
    enabled,
  });
}

export function useReportRevisions(reportId: string | null) {
  return useQuery({
    queryKey: [...key, 'revisions', reportId],
    queryFn: ({ signal }) =>
      api.get<{ items: ReportRevision[] }>(`/api/round-reports/${reportId}/revisions`, undefined, signal),
    enabled: reportId !== null,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: key });
    await qc.invalidateQueries({ queryKey: ['cockpit'] });
  };
}

export function useCreateRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateRoundBody) => api.post<Round>('/api/rounds', body),
    onSuccess: invalidate,
  });
}

export function useSubmitReport(roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SubmitReportBody) => api.post<ReportFiled>(`/api/rounds/${roundId}/reports`, body),
    onSuccess: invalidate,
  });
}

export function useRemind(roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<RemindResult>(`/api/rounds/${roundId}/remind`),
    onSuccess: invalidate,
  });
}

export function useProblemsToRequest() {
  return useMutation({
    mutationFn: (v: { reportId: string; type: string }) =>
      api.post<FactorRequest>(`/api/round-reports/${v.reportId}/request`, { type: v.type }),
  });
}

export { fileToBase64 } from '../../../lib/file-base64';
