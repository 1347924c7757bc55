import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../shared/src/contract/account';
import type { Permission } from '../../../shared/src/permissions';
import { ApiError, apiRequest, setCsrfToken } from './api-client';

export type { Me, SessionUser } from '../../../shared/src/contract/account';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/auth/me', { allow401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

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
