import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IssueReportInput,
  ReportIssue,
  ReportIssueList,
  WithdrawIssueInput,
} from '../../../../../shared/src/contract/report';
import { api } from '../../../lib/api-client';

const key = ['report-issues'];

/** Issued dispatch reports (文号) and the issue form's defaults. */
export function useReportIssues(enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<ReportIssueList>('/api/reports/dispatch/issues', undefined, signal),
    enabled,
  });
}

/** 签发: takes the next 文号 for the round. */
export function useIssueReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueReportInput) => api.post<ReportIssue>('/api/reports/dispatch/issues', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** 作废: withdraws an issue with a reason; the round can then be issued again (a new 文号). */
export function useWithdrawIssue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WithdrawIssueInput & { id: string }) =>
      api.post<ReportIssue>(`/api/reports/dispatch/issues/${encodeURIComponent(id)}/withdraw`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
