import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

/**
 * Every park's id and name (a zone has tens): for pickers and for matching a park named in text.
 * Kept apart from the picker so a page that only matches names (the cockpit) does not load antd's Select.
 */
export function useParkOptions(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['parks', 'options'],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; name: string }> }>('/api/parks', undefined, signal),
    staleTime: 60_000,
  });
}
