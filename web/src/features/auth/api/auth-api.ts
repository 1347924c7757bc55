import type { ChangePasswordBody, LoginBody, LoginResult } from '../../../../../shared/src/contract/account';
import { api, apiRequest, setCsrfToken } from '../../../lib/api-client';

export type { LoginBody as LoginInput } from '../../../../../shared/src/contract/account';

export async function login(input: LoginBody): Promise<LoginResult> {
  const result = await apiRequest<LoginResult>('/api/auth/login', {
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

export function changePassword(input: ChangePasswordBody): Promise<unknown> {
  return api.post<unknown>('/api/auth/change-password', input);
}
