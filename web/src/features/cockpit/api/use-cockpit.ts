import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WarningOptions } from '../../../../../shared/src/contract/warning';
import type { Severity, WarningKind } from '../../../../../shared/src/dispatch';
import type { FigureSourceCounts } from '../../../../../shared/src/figure-source';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { api } from '../../../lib/api-client';

/** The list that reproduces a figure: open `path?query` in the web. */
export interface ListLink {
  path: string;
  query: Record<string, string>;
}

export interface Warning {
  /** Stable id (kind and record), the table's row key. */
  id: string;
  kind: WarningKind;
  severity: Severity;
  days: number;
  reason: Bilingual;
  projectId: string | null;
  projectName: string | null;
  link: string;
}

export interface Cockpit {
  year: number;
  today: string;
  filters: { park: string | null; chainId: string | null };
  options: { parks: string[]; chains: Array<{ id: string; name: string }> };
  totals: { projects: number; investment: number; started: number; producing: number; link: ListLink };
  /** 承诺 vs 实际 (issue 14): signed investment beside the dispatch cumulatives, each with its provenance mix. */
  kpi: {
    promised: { investment: number; projects: number; sources: FigureSourceCounts };
    actual: {
      completedInvestment: number | null;
      fundsInPlace: number;
      reportingProjects: number;
      sources: FigureSourceCounts;
    };
  };
  funnel: Array<{ stage: string; count: number; link: ListLink }>;
  monthly: Array<{
    month: string;
    signedCount: number;
    investmentSigned: number;
    fundsInPlace: number;
    fixedAssetInvestment: number;
    cumulativeSigned: number;
    cumulativeFunds: number;
    targetSignedToDate: number | null;
    targetFundsToDate: number | null;
    signedLink: ListLink;
    fundsLink: ListLink;
  }>;
  targets: { investmentSigned: number | null; fundsInPlace: number | null };
  late: {
    count: number;
    link: ListLink;
    items: Array<{
      id: string;
      code: string;
      name: string;
      park: string | null;
      stage: string;
      lateMilestones: number;
      earliestPlanned: string;
      daysLate: number;
    }>;
  };
  requests: {
    open: number;
    overdue: number;
    openLink: ListLink;
    overdueLink: ListLink;
    byDepartment: Array<{
      departmentId: string | null;
      departmentName: string | null;
      open: number;
      overdue: number;
      openLink: ListLink;
      overdueLink: ListLink;
    }>;
  };
  chains: Array<{
    chainId: string;
    name: string;
    links: number;
    covered: number;
    rate: number | null;
    link: ListLink;
  }>;
  topProjects: {
    link: ListLink;
    items: Array<{
      id: string;
      code: string;
      name: string;
      stage: string;
      park: string | null;
      totalInvestment: number;
    }>;
  };
  latestRound: {
    id: string;
    title: string;
    deadline: string;
    expected: number;
    reported: number;
    late: number;
    rate: number | null;
    link: ListLink;
  } | null;
  warnings: { high: number; medium: number; low: number; total: number; top: Warning[] };
  /** 履约 (issue 14): commitments behind in the last complete year, in the cockpit's scope. */
  compliance: { year: number; behind: number; agreementsBehind: number } | null;
}

export interface CockpitFilters {
  year?: number;
  park?: string;
  chain?: string;
}

export function useCockpit(filters: CockpitFilters, refetchInterval?: number) {
  return useQuery({
    queryKey: ['cockpit', filters],
    queryFn: ({ signal }) => api.get<Cockpit>('/api/cockpit', { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** The warnings page's filters, as in the address and the API's query. */
export interface WarningFilters {
  park?: string;
  chain?: string;
  kind?: string;
  severity?: string;
  officerId?: string;
}

export function useWarningOptions() {
  return useQuery({
    queryKey: ['warnings', 'options'],
    queryFn: ({ signal }) => api.get<WarningOptions>('/api/warnings/options', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useWarnings(filters: WarningFilters) {
  return useQuery({
    queryKey: ['warnings', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: Warning[]; total: number }>('/api/warnings', { ...filters }, signal),
  });
}
