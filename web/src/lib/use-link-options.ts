import { useQuery } from '@tanstack/react-query';
import type { LinkOption } from '../../../shared/src/contract/chain';
import { api } from './api-client';

export type { LinkOption } from '../../../shared/src/contract/chain';

/**
 * Every chain link as a pickable option. The key sits under the chain feature's `['chains']`, so a
 * chain edit (which invalidates all of `['chains']`) refreshes the pickers too.
 */
export function useLinkOptions(enabled = true) {
  return useQuery({
    queryKey: ['chains', 'options'],
    queryFn: ({ signal }) => api.get<{ items: LinkOption[] }>('/api/chains/link-options', undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}
