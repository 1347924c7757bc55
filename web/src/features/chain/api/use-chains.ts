import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChainPosition, RankingWeights } from '../../../../../shared/src/chain';
import type {
  Attached,
  ChainDetail,
  ChainLink,
  ChainMap,
  LinkInput,
  LinkRecords,
  OverviewItem,
  RankingSettings,
  ReferralNetwork,
  TargetsResult,
} from '../../../../../shared/src/contract/chain';
import type { Lead } from '../../../../../shared/src/contract/lead';
import { api, apiRequest } from '../../../lib/api-client';

/** API shapes of /api/chains: the contract's (shared/src/contract/chain.ts). */
export type {
  Attached,
  Chain,
  ChainDetail,
  ChainLeader,
  ChainLink,
  ChainMap,
  ChainSummary,
  LinkCounts,
  LinkInput,
  LinkRecords,
  MapLink,
  OverviewItem,
  ReferralNetwork,
  TargetItem,
  TargetReason,
  TargetsResult,
  YearFigures,
} from '../../../../../shared/src/contract/chain';

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
    queryFn: ({ signal }) => api.get<RankingSettings>('/api/chains/settings', undefined, signal),
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
