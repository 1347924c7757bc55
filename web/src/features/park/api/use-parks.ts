import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Basemap,
  ImportPreview,
  MapData,
  Park,
  Plot,
  Reservation,
  Unit,
} from '../../../../../shared/src/contract/park';
import type { PlotStatus } from '../../../../../shared/src/park';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  ImportPreview,
  MapData,
  MapFeature,
  Park,
  Plot,
  Unit,
} from '../../../../../shared/src/contract/park';

export interface MapQuery {
  parkId?: string | undefined;
  chainId?: string | undefined;
  status?: PlotStatus[] | undefined;
  minMu?: number | null | undefined;
  maxMu?: number | null | undefined;
}

const queryOf = (q: MapQuery) => ({
  parkId: q.parkId,
  chainId: q.chainId,
  status: q.status && q.status.length > 0 ? q.status.join(',') : undefined,
  minMu: q.minMu ?? undefined,
  maxMu: q.maxMu ?? undefined,
});

export function useParks() {
  return useQuery({
    queryKey: ['parks'],
    queryFn: ({ signal }) => api.get<{ items: Park[] }>('/api/parks', undefined, signal),
  });
}

export function usePark(id: string) {
  return useQuery({
    queryKey: ['parks', id],
    queryFn: ({ signal }) => api.get<Park>(`/api/parks/${id}`, undefined, signal),
  });
}

export function useMapData(q: MapQuery) {
  return useQuery({
    queryKey: ['map', q],
    queryFn: ({ signal }) => api.get<MapData>('/api/map', queryOf(q), signal),
  });
}

/** The basemap setting (LIANZHAO_MAP_TILES): fixed for the server's life, so read once. */
export function useBasemap() {
  return useQuery({
    queryKey: ['map', 'basemap'],
    queryFn: ({ signal }) => api.get<Basemap>('/api/map/basemap', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePlots(parkId: string) {
  return useQuery({
    queryKey: ['plots', parkId],
    queryFn: ({ signal }) => api.get<ListResult<Plot>>('/api/plots', { parkId, limit: 200 }, signal),
  });
}

export function usePlot(id: string | null) {
  return useQuery({
    queryKey: ['plots', 'one', id],
    queryFn: ({ signal }) => api.get<Plot>(`/api/plots/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useUnits(parkId: string) {
  return useQuery({
    queryKey: ['units', parkId],
    queryFn: ({ signal }) => api.get<ListResult<Unit>>('/api/units', { parkId, limit: 200 }, signal),
  });
}

/**
 * The chains to filter by (the chain area's list; only id and name are read here). Asked only by a
 * role that reads chains: an enterprise user sees the map without the chain filter, not a 403.
 */
export function useChainOptions(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['chains', 'options'],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; name: string }> }>('/api/chains', undefined, signal),
    staleTime: 60_000,
  });
}

/** Open leads to reserve a place for (search by text). */
export function useLeadOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['leads', 'options', q],
    queryFn: ({ signal }) =>
      api.get<ListResult<{ id: string; title: string }>>('/api/leads', { q, limit: 20 }, signal),
    enabled,
  });
}

function useInvalidateSites() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ['parks', 'plots', 'units', 'map', 'sites'].map((k) => qc.invalidateQueries({ queryKey: [k] })),
    );
}

export function useReserve() {
  const invalidate = useInvalidateSites();
  return useMutation({
    mutationFn: (v: { kind: 'plot' | 'unit'; id: string; leadId: string }) =>
      api.post<Reservation>(`/api/${v.kind}s/${v.id}/reservations`, { leadId: v.leadId }),
    onSuccess: invalidate,
  });
}

export function useRelease() {
  const invalidate = useInvalidateSites();
  return useMutation({
    mutationFn: (id: string) => api.post<Reservation>(`/api/reservations/${id}/release`),
    onSuccess: invalidate,
  });
}

export function useImportPlots() {
  const invalidate = useInvalidateSites();
  return useMutation({
    mutationFn: (v: {
      parkId: string;
      file: File;
      mapping: Record<string, string> | null;
      apply: boolean;
    }) => {
      const form = new FormData();
      form.append('parkId', v.parkId);
      form.append('apply', String(v.apply));
      if (v.mapping) form.append('mapping', JSON.stringify(v.mapping));
      form.append('file', v.file);
      return api.upload<ImportPreview>('/api/plots/import', form);
    },
    onSuccess: (data) => (data.applied ? invalidate() : undefined),
  });
}

type PlaceKind = 'parks' | 'plots' | 'units';

/**
 * Creates (no id) or edits (id and the version read, 409 if it changed) a park, plot or unit; the
 * map, lists and figures are read again after.
 */
export function useSavePlace<T>(kind: PlaceKind) {
  const invalidate = useInvalidateSites();
  return useMutation({
    mutationFn: (v: { id?: string | undefined; body: Record<string, unknown> }) =>
      v.id ? api.patch<T>(`/api/${kind}/${v.id}`, v.body) : api.post<T>(`/api/${kind}`, v.body),
    onSuccess: invalidate,
  });
}
