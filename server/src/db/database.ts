import type { Generated } from 'kysely';

/**
 * Table types. Conventions (docs/decisions/002-data-conventions.md):
 * ids are app-made UUIDv7 text; timestamps are ISO-8601 UTC text; dates are `YYYY-MM-DD` text;
 * money is integer yuan; booleans are 0/1 integers; JSON is text. The same on SQLite and PostgreSQL.
 */
export interface ZoneTable {
  id: string;
  name: string;
  short_name: string;
  region: string;
  created_at: string;
}

export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  head_name: string | null;
  is_sample: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  department_id: string | null;
  firm_id: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie value: a leaked table cannot be replayed. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface Database {
  zone: ZoneTable;
  department: DepartmentTable;
  app_user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
}

export type { Generated };
