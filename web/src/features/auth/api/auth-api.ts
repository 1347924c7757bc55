import type { Permission } from '../../../../../shared/src/permissions';
import type { Role } from '../../../../../shared/src/roles';
import { ApiError, api, apiRequest, setCsrfToken } from '../../../lib/api-client';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  firmId: string | null;
  /** The firm an enterprise user is bound to, once firms exist. */
  firmName?: string | null;
  mustChangePassword: boolean;
}

/** What `GET /api/auth/me` answers for a signed-in user. */
export interface Me {
  user: SessionUser;
  csrfToken: string;
  /** Action names such as `audit.read`, `user.manage`, `token.manage-own` (shared/src/permissions.ts). */
  permissions: Permission[];
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

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

export async function login(input: LoginInput): Promise<{ user: SessionUser; csrfToken: string }> {
  const result = await apiRequest<{ user: SessionUser; csrfToken: string }>('/api/auth/login', {
    method: 'POST',
    body: input,
    allow401: true,
  });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function logout(): Promise<void> {
  try {
    await apiRequest<unknown>('/api/auth/logout', { method: 'POST', allow401: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(input: ChangePasswordInput): Promise<unknown> {
  return api.post<unknown>('/api/auth/change-password', input);
}
