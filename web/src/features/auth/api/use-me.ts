import { useQuery } from '@tanstack/react-query';
import type { Permission } from '../../../../../shared/src/permissions';
import { fetchMe, type Me, meQueryKey } from './auth-api';

/** The session: `data` is the signed-in user with permissions, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside an authenticated route');
  return data;
}

/** Whether the signed-in user holds a permission (null means any signed-in user). */
export function useCan(): (permission: Permission | null) => boolean {
  const { data } = useMe();
  return (permission) => permission === null || (data?.permissions.includes(permission) ?? false);
}
