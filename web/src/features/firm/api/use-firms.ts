import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordLink } from '../../../../../shared/src/chain';
import type {
  FirmRelation,
  FirmRelationKind,
  FirmRelationList,
} from '../../../../../shared/src/contract/firm-relation';
import type { FirmProject } from '../../../../../shared/src/contract/project';
import type { LeadStatus } from '../../../../../shared/src/lead-status';
import type { ProjectStage } from '../../../../../shared/src/project-stage';
import { ApiError, api, type ListResult } from '../../../lib/api-client';

/** Size classes of the statistics bureau (大型/中型/小型/微型). */
export const FIRM_SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSizeClass = (typeof FIRM_SIZE_CLASSES)[number];

/** 以商招商 graph edges (the contract's FIRM_RELATION_KINDS; the web takes types only from it). */
export const FIRM_RELATION_KINDS = [
  'partner',
  'supplier',
  'customer',
  'investor',
  'parent',
] as const satisfies readonly FirmRelationKind[];
export type { FirmRelation, FirmRelationKind };

export interface FirmContact {
  name: string;
  title?: string | null;
  phone?: string | null;
}

/** A firm of the register (企业库), as `GET /api/firms` answers it. */
export interface Firm {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  englishName: string | null;
  uscc: string | null;
  region: string | null;
  industryCode: string | null;
  industryName: string | null;
  registeredCapital: number | null;
  sizeClass: FirmSizeClass | null;
  listedExchange: string | null;
  listedCode: string | null;
  parentGroup: string | null;
  isLocal: boolean;
  businessScope: string | null;
  /** Imported free text; the picked link is `linkId` / `link`. */
  chainLink: string | null;
  linkId: string | null;
  link: RecordLink | null;
  contacts: FirmContact[];
  /** Zone staff only (decision 011): absent when an enterprise user reads its own firm. */
  tags?: string[];
  note?: string | null;
  projectCount: number;
  leadCount?: number;
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/firms/:id`: the firm with its relations, projects and leads. */
export interface FirmDetail extends Firm {
  /** Zone staff only, like `leads`. */
  relations?: FirmRelation[];
  /** Projects it invests in, signs for (项目公司) or (staff only) was approached for, each labelled. */
  projects: Array<Omit<FirmProject, 'stage'> & { stage: ProjectStage }>;
  leads?: { id: string; title: string; status: LeadStatus }[];
}

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

/** The editable fields; PATCH sends only what changed plus `version`. */
export interface FirmInput {
  name?: string;
  shortName?: string | null;
  aliases?: string[];
  englishName?: string | null;
  uscc?: string | null;
  region?: string | null;
  industryCode?: string | null;
  registeredCapital?: number | null;
  sizeClass?: FirmSizeClass | null;
  listedExchange?: string | null;
  listedCode?: string | null;
  parentGroup?: string | null;
  isLocal?: boolean;
  businessScope?: string | null;
  chainLink?: string | null;
  linkId?: string | null;
  contacts?: FirmContact[];
  tags?: string[];
  note?: string | null;
  /** Save although a firm with the same normalised name exists (never overrides a USCC clash). */
  confirmNotDuplicate?: boolean;
}

/** A possible duplicate named by a 409 DUPLICATE_FIRM. */
export interface FirmDuplicate {
  id: string;
  name: string;
  uscc: string | null;
  /** Why it may be the same firm: same USCC, same name, or the name entered is one of its aliases. */
  reason?: 'uscc' | 'name' | 'alias';
  /** Its name or alias that the entered names matched. */
  matched?: string | null;
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
