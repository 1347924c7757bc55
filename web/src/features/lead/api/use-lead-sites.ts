import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Reservation, SiteNeedsQuery, Sites } from '../../../../../shared/src/contract/park';
import { api } from '../../../lib/api-client';

export type { Sites } from '../../../../../shared/src/contract/park';

/** The needs a lead states (the form leaves a cleared number as null). */
export type SiteNeedsValues = { [K in keyof Omit<SiteNeedsQuery, 'chainId'>]?: number | null };

/** Plots and units ranked for a lead (GET /api/leads/:id/sites) and its reservations. */
export function useLeadSites(leadId: string, needs: SiteNeedsValues) {
  return useQuery({
    queryKey: ['sites', leadId, needs],
    queryFn: ({ signal }) =>
      api.get<Sites>(
        `/api/leads/${leadId}/sites`,
        {
          landMu: needs.landMu ?? undefined,
          buildingM2: needs.buildingM2 ?? undefined,
          powerKva: needs.powerKva ?? undefined,
          budget: needs.budget ?? undefined,
        },
        signal,
      ),
  });
}

export function useReserveSite(leadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: 'plot' | 'unit'; id: string }) =>
      api.post<Reservation>(`/api/${v.kind}s/${v.id}/reservations`, { leadId }),
    onSuccess: () =>
      Promise.all(['sites', 'parks', 'plots', 'map'].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
