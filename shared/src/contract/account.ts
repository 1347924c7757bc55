import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../permissions';
import { ROLES } from '../roles';
import { TEXT_LIMITS } from '../text';
import { personName, version } from './fields';
import { listResponse } from './list';

/**
 * Accounts and the zone's units: users, the session (me), officers, departments, API tokens and
 * the audit log — what the API takes and answers.
 */

/** A user account as the API shows it (rows, with the hash, never leave the server). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  firmId: z.string().nullable(),
  /** The firm an enterprise user is bound to. */
  firmName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** ISO instant; in the future while the account is locked after failed logins. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** Optimistic-lock version; an update with an old one is refused with 409. */
  version: z.number().int(),
});
export type UserAccount = z.infer<typeof userSchema>;

const permissionKeys = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** What `GET /api/auth/me` answers for a signed-in user. */
export const meSchema = z.object({
  user: userSchema,
  /** Null for a bearer token (no cookie, so no CSRF). */
  csrfToken: z.string().nullable(),
  /** Action names such as `audit.read`, `user.manage` (shared/src/permissions.ts). */
  permissions: z.array(z.enum(permissionKeys)),
});
export type Me = z.infer<typeof meSchema>;
export type SessionUser = UserAccount;

export const loginResultSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type LoginResult = z.infer<typeof loginResultSchema>;

export const loginBody = z.strictObject({
  username: z.string().min(1).max(TEXT_LIMITS.handle),
  password: z.string().min(1).max(TEXT_LIMITS.password),
});
export type LoginBody = z.input<typeof loginBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(TEXT_LIMITS.password),
  newPassword: z.string().min(1).max(TEXT_LIMITS.password),
});
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

const displayName = personName.min(1);
const optionalId = z.string().max(64).nullable().optional();

export const createUserBody = z.strictObject({
  username: z
    .string()
    .min(2)
    .max(TEXT_LIMITS.handle)
    .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
  displayName,
  role: z.enum(ROLES),
  departmentId: optionalId,
  firmId: optionalId,
  password: z.string().min(1).max(TEXT_LIMITS.password),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  version,
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  departmentId: optionalId,
  firmId: optionalId,
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(TEXT_LIMITS.password) });

/** An account of `GET /api/officers`: active officers (招商专员) and leaders (领导, 包保领导). */
export const officerSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['officer', 'leader']),
});
export type StaffAccount = z.infer<typeof officerSchema>;
export const officerListSchema = z.object({ items: z.array(officerSchema) });

/** A unit of the zone (land, planning, approvals, power …). */
export const departmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The head (负责人) as imported text; shown where no head user is linked, never cleared. */
  headName: z.string().nullable(),
  /** The head as an account: the first step of an overdue item's escalation goes to them. */
  headUserId: z.string().nullable(),
  headUserName: z.string().nullable(),
  /**
   * False when the linked head account may no longer head the unit (disabled, or moved to another
   * unit or role since): escalations then fall back to the unit's users and the admins.
   */
  headActive: z.boolean(),
  /** Optimistic-lock version; setting the head with an old one is refused with 409. */
  version: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;
export const departmentListSchema = listResponse(departmentSchema);

/** Who may head a department: its own department users, or a leader (领导) of the zone. */
export const headCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(['department', 'leader']),
});
export type HeadCandidate = z.infer<typeof headCandidateSchema>;
export const headCandidateListSchema = z.object({ items: z.array(headCandidateSchema) });

/** Sets (or, with null, unlinks) a department's head user; the imported head text is kept. */
export const setDepartmentHeadBody = z.strictObject({
  version,
  headUserId: z.string().min(1).max(64).nullable(),
});
export type SetDepartmentHeadBody = z.input<typeof setDepartmentHeadBody>;

/** A personal API token; the secret itself is never listed, only answered once at creation. */
export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof tokenSchema>;
export const tokenListSchema = listResponse(tokenSchema);
export const createdTokenSchema = z.object({
  token: tokenSchema,
  /** `lz_…`; shown once. */
  secret: z.string(),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export const createTokenBody = z.strictObject({ name: z.string().trim().min(1).max(TEXT_LIMITS.handle) });

/** One audit record (留痕): who did what to which record, when, from where, and the record before/after. */
export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO timestamp in UTC. */
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The acting user's display name; null when the actor is no (longer a) user. */
  actorDisplayName: z.string().nullable(),
  /** A person, the system (a job, the CLI) or the automatic escalation of an overdue item. */
  actorKind: z.enum(['user', 'system', 'escalation']),
  ip: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = listResponse(auditEntrySchema);
