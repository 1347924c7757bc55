import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Cockpit } from '../../../../../shared/src/contract/cockpit';
import type { WarningList, WarningOptions } from '../../../../../shared/src/contract/warning';
import { api } from '../../../lib/api-client';

export type { Cockpit } from '../../../../../shared/src/contract/cockpit';
export type { ListLink } from '../../../../../shared/src/contract/list-link';
export type { Warning } from '../../../../../shared/src/contract/warning';

export interface CockpitFilters {
  year?: number;
  park?: string;
  chain?: string;
}

export function useCockpit(filters: CockpitFilters, refetchInterval?: number) {
  return useQuery({
    queryKey: ['cockpit', filters],
    queryFn: ({ signal }) => api.get<Cockpit>('/api/cockpit', { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** The warnings page's filters, as in the address and the API's query. */
export interface WarningFilters {
  park?: string;
  chain?: string;
  kind?: string;
  severity?: string;
  officerId?: string;
}

export function useWarningOptions() {
  return useQuery({
    queryKey: ['warnings', 'options'],
    queryFn: ({ signal }) => api.get<WarningOptions>('/api/warnings/options', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useWarnings(filters: WarningFilters) {
  return useQuery({
    queryKey: ['warnings', filters],
    queryFn: ({ signal }) => api.get<WarningList>('/api/warnings', { ...filters }, signal),
  });
}
