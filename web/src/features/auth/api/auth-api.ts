import { api, apiRequest, setCsrfToken } from '../../../lib/api-client';
import type { SessionUser } from '../../../lib/use-me';

export interface LoginInput {
  username: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
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
