import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../../shared/src/roles';
import { api, type ListResult } from '../../../lib/api-client';

/** A user account as the admin list shows it. */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  firmId: string | null;
  firmName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO instant; in the future while the account is locked after failed logins. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  /** Optimistic-lock version; an update with an old one is refused with 409. */
  version: number;
}

export interface UserListQuery {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string;
  firmId?: string;
  password: string;
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  disabled?: boolean;
  version: number;
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
    mutationFn: (input: CreateUserInput) => api.post<UserAccount>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Updates a user; on 409 (someone else saved first) the list is reloaded so a retry starts fresh. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
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
