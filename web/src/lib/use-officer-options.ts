import { useQuery } from '@tanstack/react-query';
import type { StaffAccount } from '../../../shared/src/contract/account';
import { api } from './api-client';

/**
 * Zone staff to filter or assign by, from `GET /api/officers` (lead.read: admins, leaders and
 * officers — server/src/modules/user/officer.routes.ts). `role` picks officers (owners of leads,
 * officers of projects) or leaders (包保领导). Pass `enabled` false for roles without access.
 */
export function useOfficerOptions(enabled: boolean, role: StaffAccount['role'] = 'officer') {
  const staff = useQuery({
    queryKey: ['officers'],
    queryFn: ({ signal }) => api.get<{ items: StaffAccount[] }>('/api/officers', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  return (staff.data?.items ?? [])
    .filter((account) => account.role === role)
    .map((account) => ({ value: account.id, label: account.displayName }));
}
