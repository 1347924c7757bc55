import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplyResult,
  Decision,
  Intake,
  IntakeListItem,
} from '../../../../../shared/src/contract/intake';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  Decision,
  Highlight,
  Intake,
  IntakeArticle,
  IntakeListItem,
  IntakeProposal,
  ProvenanceItem,
  Touched,
} from '../../../../../shared/src/contract/intake';

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
    mutationFn: (decisions: Decision[]) => api.post<ApplyResult>(`${intakePath(id)}/apply`, { decisions }),
    onSuccess: (result) => {
      qc.setQueryData([...intakeKey, 'one', id], result.intake);
      void qc.invalidateQueries({ queryKey: [...intakeKey, 'list'] });
      // The records it touched changed: their pages and lists must reload.
      for (const key of ['projects', 'firms', 'leads', 'provenance'])
        void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
