import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResult } from '../../../lib/api-client';

export interface Round {
  id: string;
  title: string;
  kind: 'week' | 'month';
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  status: 'open' | 'closed';
  expected: number;
  reported: number;
  late: number;
  isSample: boolean;
}

export interface RoundProject {
  projectId: string;
  code: string;
  name: string;
  park: string | null;
  stage: string;
  officerName: string | null;
  reportId: string | null;
  /** The report's version: a correction sends it back (409 when someone wrote it in between). */
  reportVersion: number | null;
  submittedAt: string | null;
  late: boolean;
  /** Who wrote the report's figures last. */
  reporterName: string | null;
  chainName: string | null;
  totalInvestment: number | null;
  investmentPeriod: number | null;
  /** Whether the period's investment is counted in the statistics (入统); null before a report. */
  investmentInStats: boolean | null;
  fundsPeriod: number | null;
  exportsPeriod: number | null;
  outputPeriod: number | null;
  taxPeriod: number | null;
  investmentCumulative: number | null;
  fundsCumulative: number | null;
  /** Running figures from earlier rounds' reports, which the form adds this period to. */
  priorInvestmentCumulative: number;
  priorFundsCumulative: number;
  /** A filed cumulative figure differs from the running one. */
  cumulativeDisagrees: boolean;
  reminders: number;
}

/** A round's figures summed over a group of its projects (server: round-rollup.ts). */
export interface RoundRollup {
  key: string;
  projects: number;
  reported: number;
  late: number;
  totalInvestment: number;
  investmentPeriod: number;
  investmentInStats: number;
  fundsPeriod: number;
  exportsPeriod: number;
  outputPeriod: number;
  taxPeriod: number;
  investmentCumulative: number;
  fundsCumulative: number;
}

export interface RoundDetail extends Round {
  projects: RoundProject[];
  rollups: { zone: RoundRollup; byPark: RoundRollup[]; byChain: RoundRollup[]; byOfficer: RoundRollup[] };
}

export interface RoundReport {
  id: string;
  roundId: string;
  roundTitle: string;
  periodKey: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  reporterName: string | null;
  version: number;
  investmentPeriod: number;
  investmentInStats: boolean;
  fundsPeriod: number;
  exportsPeriod: number;
  outputPeriod: number | null;
  taxPeriod: number | null;
  investmentCumulative: number | null;
  fundsCumulative: number | null;
  narrative: string;
  problems: string | null;
  submittedAt: string;
  late: boolean;
  isSample: boolean;
  photos: Array<{ id: string; fileName: string }>;
}

export interface ReportBody {
  projectId: string;
  investmentPeriod: number;
  investmentInStats: boolean;
  fundsPeriod: number;
  exportsPeriod: number;
  outputPeriod: number | null;
  taxPeriod: number | null;
  /** Omitted: the server stores the running figure (earlier reports + this period). */
  investmentCumulative?: number;
  fundsCumulative?: number;
  narrative: string;
  problems?: string | null;
  photos?: Array<{ fileName: string; contentBase64: string }>;
  /** A correction: the version read; omitted for a first filing. */
  version?: number;
}

/** One version of a report as it was written (修订记录). */
export interface ReportRevision {
  version: number;
  reporterName: string | null;
  reporterRole: string;
  writtenAt: string;
  investmentPeriod: number;
  investmentInStats: boolean;
  fundsPeriod: number;
  investmentCumulative: number | null;
  fundsCumulative: number | null;
  narrative: string;
}

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
    mutationFn: (body: {
      kind: 'week' | 'month';
      date?: string;
      deadline?: string;
      stages?: string[];
      priorities?: string[];
    }) => api.post<Round>('/api/rounds', body),
    onSuccess: invalidate,
  });
}

export function useSubmitReport(roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReportBody) =>
      api.post<{ id: string; late: boolean; cumulative: { investmentDisagrees: boolean } }>(
        `/api/rounds/${roundId}/reports`,
        body,
      ),
    onSuccess: invalidate,
  });
}

export function useRemind(roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<{ projects: number; notified: number }>(`/api/rounds/${roundId}/remind`),
    onSuccess: invalidate,
  });
}

export function useProblemsToRequest() {
  return useMutation({
    mutationFn: (v: { reportId: string; type: string }) =>
      api.post<{ id: string }>(`/api/round-reports/${v.reportId}/request`, { type: v.type }),
  });
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
