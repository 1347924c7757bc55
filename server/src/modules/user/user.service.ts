import { checkPasswordPolicy } from '../../../../shared/src/password-policy';
import type { Role } from '../../../../shared/src/roles';
import { newId } from '../../lib/ids';
import { hashPassword } from '../../lib/secrets';
import { conflictOnUnique } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { deleteSessionsOfUser } from '../session/session.service';
import { revokeAllTokensOf } from '../token/token.service';
import { auditableUser, presentUser, type UserDto } from './user.presenter';
import * as repo from './user.repository';

// The user reads and writes that signing in needs (auth/: find by name, count failures, stamp the login),
// and a new account's starting state, which the demo seeding (demo/) shares with create.
export {
  findUserById,
  findUserByUsername,
  newAccountState,
  raiseFailedLogins,
  type UserRow,
  updateUser,
} from './user.repository';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null | undefined;
  firmId?: string | null | undefined;
  password: string;
  /** Accounts an admin creates must change their password at first sign-in (等保). */
  mustChangePassword?: boolean;
}

function checkBinding(
  role: Role,
  departmentId: string | null | undefined,
  firmId: string | null | undefined,
) {
  if (role === 'department' && !departmentId) {
    throw errors.validation([
      {
        path: 'departmentId',
        message: { zh: '部门用户须选择所属部门', en: 'A department user needs a department' },
      },
    ]);
  }
  if (role === 'enterprise' && !firmId) {
    throw errors.validation([
      {
        path: 'firmId',
        message: { zh: '企业用户须绑定一家企业', en: 'An enterprise user must be bound to a firm' },
      },
    ]);
  }
}

/**
 * app_user.firm_id has a foreign key on PostgreSQL only (SQLite cannot add one to an existing
 * table), so the binding is checked here for both.
 */
async function checkFirmExists(ctx: ServiceContext, role: Role, firmId: string | null | undefined) {
  if (role !== 'enterprise' || !firmId) return;
  const firm = await ctx.db.kysely
    .selectFrom('firm')
    .select('id')
    .where('id', '=', firmId)
    .executeTakeFirst();
  if (!firm) {
    throw errors.validation([
      { path: 'firmId', message: { zh: '所选企业不存在', en: 'That firm does not exist' } },
    ]);
  }
}

const usernameTaken = () =>
  errors.conflict('USERNAME_TAKEN', { zh: '用户名已存在', en: 'That username is taken' }, [
    { path: 'username', message: { zh: '用户名已存在', en: 'That username is taken' } },
  ]);

/** Creates an account (admin action or CLI); audited with the actor in context. */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserDto> {
  const db = ctx.db.kysely;
  const policy = checkPasswordPolicy(input.password);
  if (!policy.ok) throw errors.validation([{ path: 'password', message: policy.message }]);
  checkBinding(input.role, input.departmentId, input.firmId);
  await checkFirmExists(ctx, input.role, input.firmId);
  if (await repo.findUserByUsername(db, input.username)) throw usernameTaken();
  const hash = await hashPassword(input.password);
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  await db
    .transaction()
    .execute(async (trx) => {
      const row = {
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: hash,
        role: input.role,
        department_id: input.departmentId ?? null,
        firm_id: input.role === 'enterprise' ? (input.firmId ?? null) : null,
        must_change_password: input.mustChangePassword === false ? 0 : 1,
        ...repo.newAccountState(nowIso),
      };
      await repo.insertUser(trx, row);
      await writeAudit(trx, ctx, {
        entity: 'user',
        entityId: id,
        action: 'create',
        after: auditableUser(row),
      });
    })
    // The same username sent twice at once: both pass the check above, the second insert fails.
    .catch(conflictOnUnique('app_user', 'username', usernameTaken));
  const created = await repo.findUserById(db, id);
  if (!created) throw errors.notFound('user');
  return presentUser(created);
}

export interface UpdateUserInput {
  version: number;
  displayName?: string | undefined;
  role?: Role | undefined;
  departmentId?: string | null | undefined;
  firmId?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** Edits an account with optimistic concurrency; disabling ends the user's sessions. */
export async function updateUserAccount(
  ctx: ServiceContext,
  id: string,
  input: UpdateUserInput,
): Promise<UserDto> {
  const db = ctx.db.kysely;
  const before = await repo.findUserById(db, id);
  if (!before) throw errors.notFound('user');
  if (ctx.actor?.userId === id && (input.disabled === true || (input.role && input.role !== before.role))) {
    throw errors.badRequest('CANNOT_CHANGE_SELF', {
      zh: '不能停用自己或修改自己的角色',
      en: 'You cannot disable yourself or change your own role',
    });
  }
  const role = (input.role ?? before.role) as Role;
  const departmentId = input.departmentId !== undefined ? input.departmentId : before.department_id;
  const firmId = input.firmId !== undefined ? input.firmId : before.firm_id;
  checkBinding(role, departmentId, firmId);
  await checkFirmExists(ctx, role, firmId);
  const nowIso = ctx.clock.now().toISOString();
  const patch = {
    display_name: input.displayName ?? before.display_name,
    role,
    department_id: departmentId,
    firm_id: role === 'enterprise' ? firmId : null,
    disabled: input.disabled === undefined ? before.disabled : input.disabled ? 1 : 0,
    updated_at: nowIso,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateUserVersioned(trx, id, input.version, patch))) throw errors.stale();
    if (patch.disabled === 1) await deleteSessionsOfUser(trx, id);
    await writeAudit(trx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'update',
      before: auditableUser(before),
      after: auditableUser({ ...before, ...patch, version: input.version + 1 }),
    });
  });
  const after = await repo.findUserById(db, id);
  if (!after) throw errors.notFound('user');
  return presentUser(after);
}

/**
 * Admin sets a new password; the user must change it at next sign-in, is signed out now and loses
 * every API token (a reset usually means the account may be in other hands).
 */
export async function resetPassword(
  ctx: ServiceContext,
  id: string,
  password: string,
): Promise<{ revokedTokens: number }> {
  const db = ctx.db.kysely;
  const before = await repo.findUserById(db, id);
  if (!before) throw errors.notFound('user');
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) throw errors.validation([{ path: 'password', message: policy.message }]);
  const hash = await hashPassword(password);
  const nowIso = ctx.clock.now().toISOString();
  const patch = {
    password_hash: hash,
    must_change_password: 1,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: nowIso,
    updated_at: nowIso,
    version: before.version + 1,
  };
  return db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, patch);
    await deleteSessionsOfUser(trx, id);
    const revokedTokens = await revokeAllTokensOf(trx, ctx, id, 'password.reset');
    await trx
      .deleteFrom('rate_limit')
      .where('key', '=', `login-fail:${before.username.toLowerCase()}`)
      .execute();
    await writeAudit(trx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'password.reset',
      before: auditableUser(before),
      after: auditableUser({ ...before, ...patch }),
    });
    return { revokedTokens };
  });
}

export async function listUserAccounts(ctx: ServiceContext, filter: repo.UserListFilter) {
  const { rows, total } = await repo.listUsers(ctx.db.kysely, filter);
  return { items: rows.map((r) => presentUser(r)), total };
}
