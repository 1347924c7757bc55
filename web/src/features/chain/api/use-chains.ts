import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChainPosition,
  ChainScope,
  LinkPriority,
  LinkState,
  RankingFactor,
  RankingWeights,
} from '../../../../../shared/src/chain';
import type { Lead } from '../../../../../shared/src/contract/lead';
import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { api, apiRequest } from '../../../lib/api-client';

/** API shapes of /api/chains (server: modules/chain/chain.presenter.ts). */

export interface ChainLeader {
  firmId: string;
  firmName: string;
  shortName: string | null;
  isLocal: boolean;
  linkId: string | null;
  note: string | null;
}

export interface Chain {
  id: string;
  name: string;
  nameEn: string | null;
  officialName: string | null;
  officialTitle: string | null;
  description: string | null;
  goal: string | null;
  scope: ChainScope;
  region: string | null;
  isCityKey: boolean;
  sortOrder: number;
  isSample: boolean;
  version: number;
  leaders: ChainLeader[];
  parks: Array<{ id: string; name: string; note: string | null }>;
  targets: Array<{ year: number; projectsTarget: number | null; investmentTarget: number | null }>;
}

export interface ChainLink {
  id: string;
  chainId: string;
  parentId: string | null;
  name: string;
  position: ChainPosition;
  sortOrder: number;
  description: string | null;
  industryCodes: string[];
  keywords: string[];
  priority: LinkPriority;
  isSample: boolean;
}

export type ChainDetail = Chain & { links: ChainLink[] };

export interface LinkCounts {
  firms: number;
  projects: number;
  investment: number;
  leads: number;
}

export interface MapLink extends ChainLink {
  depth: number;
  own: LinkCounts;
  total: LinkCounts;
  state: LinkState;
  /** Local firms were counted up to the server's cap (1000 per link): show "n+". */
  firmsCapped: boolean;
}

export interface ChainSummary {
  links: number;
  leafLinks: number;
  coveredLeaves: number;
  coverage: number;
  strong: number;
  weak: number;
  missing: number;
  firms: number;
  projects: number;
  investment: number;
  leads: number;
}

export interface YearFigures {
  year: number;
  projectsTarget: number | null;
  investmentTarget: number | null;
  projectsActual: number;
  investmentActual: number;
}

export interface ChainMap {
  chain: Chain;
  links: MapLink[];
  summary: ChainSummary;
  year: YearFigures;
}

export interface OverviewItem {
  rank: number;
  id: string;
  name: string;
  scope: ChainScope;
  region: string | null;
  isCityKey: boolean;
  isSample: boolean;
  officialName: string | null;
  leaders: string[];
  parks: string[];
  summary: ChainSummary;
  year: YearFigures;
}

export interface TargetReason {
  factor: RankingFactor;
  value: number;
  points: number;
  text: Bilingual;
  tie?: { kind: string; fromFirmName: string; toFirmName: string; localFirmId: string; strength: string };
}

export interface TargetItem {
  rank: number;
  score: number;
  firm: {
    id: string;
    name: string;
    industryCode: string | null;
    industryName: string | null;
    region: string | null;
    sizeClass: string | null;
    registeredCapital: number | null;
    listedCode: string | null;
    isSample: boolean;
  };
  reasons: TargetReason[];
  referrer: { firmId: string; firmName: string } | null;
  existingLead: { id: string; code: string } | null;
}

export interface TargetsResult {
  chainId: string;
  linkId: string;
  linkName: string;
  weights: RankingWeights;
  candidates: number;
  items: TargetItem[];
}

export interface LinkRecords {
  linkIds: string[];
  firms: Array<{
    id: string;
    name: string;
    isLocal: boolean;
    registeredCapital: number | null;
    isSample: boolean;
  }>;
  projects: Array<{
    id: string;
    code: string;
    name: string;
    stage: string;
    totalInvestment: number | null;
    isSample: boolean;
  }>;
  leads: Array<{
    id: string;
    code: string;
    title: string;
    status: string;
    targetName: string | null;
    estimatedInvestment: number | null;
    isSample: boolean;
  }>;
}

export interface ReferralNetwork {
  referrers: Array<{
    firmId: string;
    firmName: string;
    isLocal: boolean;
    leads: number;
    openLeads: number;
    projects: number;
    investment: number;
  }>;
  nodes: Array<{
    id: string;
    kind: 'referrer' | 'target' | 'project';
    name: string;
    entityId: string;
    value: number;
  }>;
  edges: Array<{
    source: string;
    target: string;
    kind: 'referred' | 'became';
    leadId: string | null;
    leadCode: string | null;
    status: string | null;
    isSample: boolean;
  }>;
  truncated: boolean;
}

/** What deleting a link or chain would detach (the 409's `attached`, and the delete's answer). */
export interface Attached {
  links: number;
  firms: number;
  leads: number;
  projects: number;
  leaders: number;
}

export const chainKeys = {
  all: ['chains'] as const,
  overview: ['chains', 'overview'] as const,
  detail: (id: string) => ['chains', 'detail', id] as const,
  map: (id: string) => ['chains', 'map', id] as const,
  records: (id: string, linkId: string) => ['chains', 'records', id, linkId] as const,
  targets: (id: string, linkId: string) => ['chains', 'targets', id, linkId] as const,
  settings: ['chains', 'settings'] as const,
  options: ['chains', 'options'] as const,
  referrals: ['referrals'] as const,
};

export function useChainOverview() {
  return useQuery({
    queryKey: chainKeys.overview,
    queryFn: ({ signal }) => api.get<{ items: OverviewItem[] }>('/api/chains/overview', undefined, signal),
  });
}

export function useChain(id: string) {
  return useQuery({
    queryKey: chainKeys.detail(id),
    queryFn: ({ signal }) => api.get<ChainDetail>(`/api/chains/${id}`, undefined, signal),
  });
}

export function useChainMap(id: string) {
  return useQuery({
    queryKey: chainKeys.map(id),
    queryFn: ({ signal }) => api.get<ChainMap>(`/api/chains/${id}/map`, undefined, signal),
  });
}

export function useLinkRecords(id: string, linkId: string | null) {
  return useQuery({
    queryKey: chainKeys.records(id, linkId ?? ''),
    queryFn: ({ signal }) =>
      api.get<LinkRecords>(`/api/chains/${id}/links/${linkId}/records`, undefined, signal),
    enabled: !!linkId,
  });
}

export function useTargets(id: string, linkId: string | null) {
  return useQuery({
    queryKey: chainKeys.targets(id, linkId ?? ''),
    queryFn: ({ signal }) =>
      api.get<TargetsResult>(`/api/chains/${id}/links/${linkId}/targets`, { limit: 30 }, signal),
    enabled: !!linkId,
  });
}

export function useRankingSettings() {
  return useQuery({
    queryKey: chainKeys.settings,
    queryFn: ({ signal }) =>
      api.get<{ weights: RankingWeights; version: number; updatedAt: string | null }>(
        '/api/chains/settings',
        undefined,
        signal,
      ),
  });
}

export function useReferrals() {
  return useQuery({
    queryKey: chainKeys.referrals,
    queryFn: ({ signal }) => api.get<ReferralNetwork>('/api/referrals', undefined, signal),
  });
}

/** Invalidates everything chain-shaped after an edit (maps, overview, options, the chain). */
export function useInvalidateChains() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: chainKeys.all });
}

export function useCreateLeadFromTarget(chainId: string, linkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (firmId: string) =>
      api.post<{ lead: Lead }>(`/api/chains/${chainId}/links/${linkId}/targets/${firmId}/lead`, {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: chainKeys.all });
      void client.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}

export function useSaveWeights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { weights: RankingWeights; version: number }) =>
      apiRequest('/api/chains/settings', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: chainKeys.all }),
  });
}

/** The 链长 / 链主 part of a chain edit (PATCH /api/chains/:id): the whole leader list replaces the old one. */
export interface ChainOwnersValues {
  officialName: string | null;
  officialTitle: string | null;
  leaders: Array<{ firmId: string; linkId: string | null; note: string | null }>;
}

/** Sets a chain's 链长 and 链主 firms, with the version read (409 if someone changed it since). */
export function useUpdateChainOwners(chainId: string) {
  const invalidate = useInvalidateChains();
  return useMutation({
    mutationFn: (body: ChainOwnersValues & { version: number }) =>
      api.patch<ChainDetail>(`/api/chains/${chainId}`, body),
    onSuccess: () => invalidate(),
  });
}

export interface LinkInput {
  parentId?: string | null;
  name: string;
  position?: ChainPosition;
  description?: string | null;
  industryCodes?: string[];
  keywords?: string[];
  priority?: LinkPriority;
  index?: number;
}

/** The editor's operations on one chain. */
export function useLinkOps(chainId: string) {
  const invalidate = useInvalidateChains();
  const base = `/api/chains/${chainId}/links`;
  const opts = { onSuccess: () => invalidate() };
  return {
    add: useMutation({ mutationFn: (body: LinkInput) => api.post<ChainLink>(base, body), ...opts }),
    update: useMutation({
      mutationFn: ({ linkId, ...body }: Partial<LinkInput> & { linkId: string }) =>
        api.patch<ChainLink>(`${base}/${linkId}`, body),
      ...opts,
    }),
    move: useMutation({
      mutationFn: ({
        linkId,
        ...body
      }: {
        linkId: string;
        parentId: string | null;
        index?: number;
        position?: ChainPosition;
      }) => api.post(`${base}/${linkId}/move`, body),
      ...opts,
    }),
    remove: useMutation({
      mutationFn: ({ linkId, confirm }: { linkId: string; confirm: boolean }) =>
        api.delete<{ deleted: true; attached: Attached }>(
          `${base}/${linkId}${confirm ? '?confirm=true' : ''}`,
        ),
      ...opts,
    }),
  };
}
