import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HighlightKind,
  IntakeDuplicate,
  IntakeProject,
  IntakeProposalKind,
  IntakeProposalStatus,
  IntakeSourceKind,
  IntakeStatus,
} from '../../../../../shared/src/intake';
import { api, type ListResult } from '../../../lib/api-client';

/** Shapes of the intake API (server/src/modules/intake/intake.presenter.ts). */

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  label: string;
}

export interface IntakeArticle {
  id: string;
  position: number;
  title: string | null;
  byline: string | null;
  dateline: string | null;
  text: string;
  highlights: Highlight[];
  matches: Array<{
    kind: 'firm' | 'project';
    name: string;
    recordId: string;
    recordName: string;
    score: number;
  }>;
  /** Every project the article reports, tracked or not, with its figures and their spans. */
  projects: IntakeProject[];
  /** The first import of this same article, when it was imported before. */
  duplicateOf: IntakeDuplicate | null;
  counts: { projects: number; firms: number; people: number; signals: number; figures: number };
}

export interface IntakeProposal {
  id: string;
  position: number;
  articleId: string;
  kind: IntakeProposalKind;
  targetEntity: 'firm' | 'lead' | 'project';
  targetId: string | null;
  title: string;
  payload: Record<string, unknown>;
  current: Record<string, unknown> | null;
  highlights: Array<{ start: number; end: number }>;
  fieldHighlights: Record<string, { start: number; end: number }>;
  /** Names of records the payload refers to by id (a firm's name for targetFirmId). */
  names: Record<string, string>;
  dependsOn: string | null;
  match: { score: number; reasons: string[]; name: string } | null;
  status: IntakeProposalStatus;
  resultId: string | null;
  appliedAt: string | null;
}

export interface Intake {
  id: string;
  sourceKind: IntakeSourceKind;
  fileName: string | null;
  articleDate: string | null;
  encoding: string | null;
  extractor: string;
  warnings: string[];
  status: IntakeStatus;
  createdByName: string | null;
  createdAt: string;
  appliedAt: string | null;
  appliedByName: string | null;
  articles: IntakeArticle[];
  proposals: IntakeProposal[];
}

export interface IntakeListItem {
  id: string;
  title: string | null;
  sourceKind: IntakeSourceKind;
  fileName: string | null;
  articleDate: string | null;
  status: IntakeStatus;
  articleCount: number;
  proposalCount: number;
  appliedCount: number;
  createdByName: string | null;
  createdAt: string;
  appliedAt: string | null;
}

export interface Touched {
  entity: 'firm' | 'lead' | 'project';
  id: string;
  name: string;
  action: 'create' | 'update' | 'stage' | 'tag';
  proposalId: string;
}

export interface Decision {
  proposalId: string;
  action: 'accept' | 'drop';
  payload?: Record<string, unknown>;
}

export interface ProvenanceItem {
  id: string;
  entity: string;
  entityId: string;
  intakeId: string;
  articleId: string;
  articleTitle: string | null;
  articleDate: string | null;
  sourceKind: IntakeSourceKind;
  fileName: string | null;
  action: string;
  fields: string[];
  proposalKind: IntakeProposalKind;
  proposalTitle: string;
  appliedAt: string;
  appliedByName: string | null;
}

const intakeKey = ['intake'] as const;
const intakePath = (id: string) => `/api/intake/${encodeURIComponent(id)}`;

export function useIntakeList(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...intakeKey, 'list', page],
    queryFn: ({ signal }) => api.get<ListResult<IntakeListItem>>('/api/intake', page, signal),
  });
}

export function useIntake(id: string) {
  return useQuery({
    queryKey: [...intakeKey, 'one', id],
    queryFn: ({ signal }) => api.get<Intake>(intakePath(id), undefined, signal),
    enabled: id !== '',
  });
}

/** Reads pasted text (JSON) or an uploaded file (multipart) into a new intake. */
export function useCreateIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { text?: string; file?: File; articleDate?: string | null }) => {
      if (input.file) {
        const form = new FormData();
        if (input.articleDate) form.append('articleDate', input.articleDate);
        form.append('file', input.file, input.file.name);
        return api.upload<Intake>('/api/intake', form);
      }
      return api.post<Intake>('/api/intake', {
        text: input.text ?? '',
        articleDate: input.articleDate ?? null,
      });
    },
    onSuccess: (intake) => {
      qc.setQueryData([...intakeKey, 'one', intake.id], intake);
      void qc.invalidateQueries({ queryKey: [...intakeKey, 'list'] });
    },
  });
}

export function useApplyIntake(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (decisions: Decision[]) =>
      api.post<{ intake: Intake; touched: Touched[] }>(`${intakePath(id)}/apply`, { decisions }),
    onSuccess: (result) => {
      qc.setQueryData([...intakeKey, 'one', id], result.intake);
      void qc.invalidateQueries({ queryKey: [...intakeKey, 'list'] });
      // The records it touched changed: their pages and lists must reload.
      for (const key of ['projects', 'firms', 'leads', 'provenance'])
        void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** 来源资讯: the articles a record was changed from. */
export function useProvenance(entity: 'project' | 'firm' | 'lead', id: string, enabled = true) {
  return useQuery({
    queryKey: ['provenance', entity, id],
    queryFn: ({ signal }) =>
      api.get<{ items: ProvenanceItem[] }>(
        `/api/${entity}s/${encodeURIComponent(id)}/provenance`,
        undefined,
        signal,
      ),
    enabled: enabled && id !== '',
  });
}
