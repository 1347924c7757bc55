import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../../shared/src/contract/account';
import { api, type ListResult } from '../../../lib/api-client';

export type { AuditEntry } from '../../../../../shared/src/contract/account';

export interface AuditQuery {
  actor?: string;
  entity?: string;
  action?: string;
  /** ISO instants (UTC). */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  /** `-at` newest first, `at` oldest first. */
  sort: '-at' | 'at';
}

/** Entity names the filter offers; the list grows as modules add audited records. */
export const AUDIT_ENTITIES = [
  'user',
  'session',
  'token',
  'department',
  'system',
  'firm',
  'lead',
  'project',
  'factor_request',
  'task',
  'problem_list',
  'problem_item',
] as const;

/** Actions the server writes today, offered as suggestions; any other text can be typed. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'revoke',
  'login.success',
  'login.failed',
  'login.locked',
  'logout',
  'password.change',
  'password.change.failed',
  'password.reset',
] as const;

/** A page of the audit log from `GET /api/audit`; the previous page stays on screen while the next loads. */
export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<ListResult<AuditEntry>>('/api/audit', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
