import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, UserAccount } from '../../../../../shared/src/contract/account';
import type { Role } from '../../../../../shared/src/roles';
import { api, type ListResult } from '../../../lib/api-client';

export type {
  UpdateUserBody as UpdateUserInput,
  UserAccount,
} from '../../../../../shared/src/contract/account';

export interface UserListQuery {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

const usersKey = ['users'] as const;

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => api.get<ListResult<UserAccount>>('/api/users', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserBody) => api.post<UserAccount>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Updates a user; on 409 (someone else saved first) the list is reloaded so a retry starts fresh. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserBody }) =>
      api.patch<UserAccount>(`/api/users/${encodeURIComponent(id)}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<unknown>(`/api/users/${encodeURIComponent(id)}/reset-password`, { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
