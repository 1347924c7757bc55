import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from '../../../lib/use-me';
import { changePassword, login, logout } from './auth-api';

/** Signs in, drops whatever a previous user left in the cache, then loads the session with permissions. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
    },
  });
}

/**
 * Ends the session on the server, then loads the login page afresh: a full load drops every byte
 * of the previous user's data held in memory, and no `next` is kept for a deliberate sign-out.
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => window.location.replace('/login'),
  });
}

/** Changes the own password, then reloads the session (the must-change flag and CSRF token may change). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
    },
  });
}
