import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActualInput,
  ActualList,
  AgreementList,
  AmendAgreementBody,
  Compliance,
  CreateAgreementBody,
} from '../../../../../shared/src/contract/agreement';
import { api } from '../../../lib/api-client';

export type {
  Actual,
  Agreement,
  Commitment,
  ComplianceItem,
} from '../../../../../shared/src/contract/agreement';

/** One project's 投资协议, actual figures and compliance items (issue 14), for its 履约 card. */
const key = (projectId: string) => ['project-agreements', projectId] as const;

export function useProjectAgreements(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId), 'agreements'],
    queryFn: ({ signal }) =>
      api.get<AgreementList>(`/api/projects/${projectId}/agreements`, undefined, signal),
  });
}

export function useProjectActuals(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId), 'actuals'],
    queryFn: ({ signal }) => api.get<ActualList>(`/api/projects/${projectId}/actuals`, undefined, signal),
  });
}

/** Every commitment of the project with its status as of its due year (no `year`: each its own). */
export function useProjectCompliance(projectId: string) {
  return useQuery({
    queryKey: [...key(projectId), 'compliance'],
    queryFn: ({ signal }) => api.get<Compliance>('/api/compliance', { projectId }, signal),
  });
}

function useInvalidate(projectId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key(projectId) });
}

export function useCreateAgreement(projectId: string) {
  const invalidate = useInvalidate(projectId);
  return useMutation({
    mutationFn: (body: CreateAgreementBody) => api.post(`/api/projects/${projectId}/agreements`, body),
    onSuccess: invalidate,
  });
}

export function useAmendAgreement(projectId: string) {
  const invalidate = useInvalidate(projectId);
  return useMutation({
    mutationFn: ({ agreementId, body }: { agreementId: string; body: AmendAgreementBody }) =>
      api.post(`/api/agreements/${agreementId}/amendments`, body),
    onSuccess: invalidate,
  });
}

export function useAddActual(projectId: string) {
  const invalidate = useInvalidate(projectId);
  return useMutation({
    mutationFn: (body: ActualInput) => api.post(`/api/projects/${projectId}/actuals`, body),
    onSuccess: invalidate,
  });
}
