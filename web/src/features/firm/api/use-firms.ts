import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Firm,
  FirmDetail,
  FirmDuplicate,
  FirmInput,
  FirmSizeClass,
} from '../../../../../shared/src/contract/firm';
import type {
  FirmRelation,
  FirmRelationKind,
  FirmRelationList,
} from '../../../../../shared/src/contract/firm-relation';
import { ApiError, api, type ListResult } from '../../../lib/api-client';

export type {
  Contact as FirmContact,
  Firm,
  FirmDetail,
  FirmDuplicate,
  FirmInput,
  FirmSizeClass,
} from '../../../../../shared/src/contract/firm';
export { FIRM_SIZE_CLASSES } from '../../../../../shared/src/pipeline-enums';

/** 以商招商 graph edges (the contract's FIRM_RELATION_KINDS; the web takes types only from it). */
export const FIRM_RELATION_KINDS = [
  'partner',
  'supplier',
  'customer',
  'investor',
  'parent',
] as const satisfies readonly FirmRelationKind[];
export type { FirmRelation, FirmRelationKind };

export interface FirmListQuery {
  q?: string;
  isLocal?: boolean;
  industryCode?: string;
  tag?: string;
  sizeClass?: FirmSizeClass;
  listed?: boolean;
  /** A chain link: firms on it or beneath it. */
  linkId?: string;
  sort?: string;
  limit: number;
  offset: number;
}

/** The candidates a 409 DUPLICATE_FIRM carries, or null for any other error. */
export function duplicatesOf(error: unknown): FirmDuplicate[] | null {
  if (!(error instanceof ApiError) || error.code !== 'DUPLICATE_FIRM') return null;
  const list = error.details.duplicates;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is FirmDuplicate =>
      typeof item === 'object' && item !== null && typeof (item as FirmDuplicate).id === 'string',
  );
}

const firmsKey = ['firms'] as const;
const firmPath = (id: string) => `/api/firms/${encodeURIComponent(id)}`;

export function useFirms(query: FirmListQuery) {
  return useQuery({
    queryKey: [...firmsKey, 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<Firm>>('/api/firms', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFirm(id: string) {
  return useQuery({
    queryKey: [...firmsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<FirmDetail>(firmPath(id), undefined, signal),
  });
}

/** `GET /api/firms/:id/relations`: the edges the firm page draws (zone staff only). */
export function useFirmRelations(id: string) {
  return useQuery({
    queryKey: [...firmsKey, 'relations', id],
    queryFn: ({ signal }) => api.get<FirmRelationList>(`${firmPath(id)}/relations`, undefined, signal),
  });
}

export function useCreateFirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FirmInput & { name: string }) => api.post<Firm>('/api/firms', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: firmsKey }),
  });
}

/** Edits a firm; on any answer the firm and lists reload, so a stale retry starts fresh. */
export function useUpdateFirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: FirmInput & { version: number } }) =>
      api.patch<Firm>(firmPath(id), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: firmsKey }),
  });
}

export function useAddFirmRelation(firmId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { toFirmId: string; kind: FirmRelationKind; note?: string | null }) =>
      api.post<FirmRelation>(`${firmPath(firmId)}/relations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: firmsKey }),
  });
}

export function useRemoveFirmRelation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (relationId: string) =>
      api.delete<unknown>(`/api/firm-relations/${encodeURIComponent(relationId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: firmsKey }),
  });
}
