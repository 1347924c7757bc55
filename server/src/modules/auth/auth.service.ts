import { checkPasswordPolicy } from '../../../../shared/src/password-policy';
import { addMinutes } from '../../lib/clock';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/secrets';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { auditableUser, presentUser, type UserDto } from '../user/user.presenter';
// biome-ignore lint/style/noRestrictedImports: debt (issue 12): reads another module's repository; to go through its service
import { findUserById, findUserByUsername, updateUser } from '../user/user.repository';
import * as repo from './session.repository';

/** 等保 lockout: 5 failures lock the name for 15 minutes (known or not, so nothing is revealed). */
export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;

export interface LoginLimits {
  /** Sign-in attempts per client address per window: slows password spraying from one host. */
  perIpAttempts: number;
  perIpWindowMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export interface LoginResult {
  user: UserDto;
  sessionToken: string;
  csrfToken: string;
}

// A real hash to verify against when the user does not exist, so timing does not tell either.
let dummyHash: Promise<string> | null = null;
function getDummyHash() {
  dummyHash ??= hashPassword(randomToken(16));
  return dummyHash;
}

async function countIpAttempt(ctx: ServiceContext, limits: LoginLimits): Promise<void> {
  const db = ctx.db.kysely;
  const key = `login-ip:${ctx.ip ?? 'unknown'}`;
  const now = ctx.clock.now();
  const row = await repo.readCounter(db, key);
  const windowOpen = row && addMinutes(new Date(row.window_start), limits.perIpWindowMinutes) > now;
  const count = windowOpen ? row.count + 1 : 1;
  await repo.writeCounter(db, key, windowOpen ? row.window_start : now.toISOString(), count);
  if (count > limits.perIpAttempts) throw errors.rateLimited();
}

function failureKey(username: string) {
  return `login-fail:${username.toLowerCase()}`;
}

/** Signs a user in: throttles, checks lockout, verifies the password, opens a database session. */
export async function login(
  ctx: ServiceContext,
  limits: LoginLimits,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const db = ctx.db.kysely;
  await countIpAttempt(ctx, limits);
  const now = ctx.clock.now();
  const key = failureKey(input.username);
  const fails = await repo.readCounter(db, key);
  const lockActive =
    fails &&
    fails.count >= LOCKOUT.maxFailures &&
    addMinutes(new Date(fails.window_start), LOCKOUT.minutes) > now;
  if (lockActive) {
    await writeAudit(db, ctx, {
      entity: 'session',
      entityId: null,
      action: 'login.locked',
      actorName: input.username,
    });
    throw errors.locked();
  }
  const user = await findUserByUsername(db, input.username);
  const ok = user && user.disabled === 0 ? await verifyPassword(user.password_hash, input.password) : false;
  if (!user || user.disabled === 1) await verifyPassword(await getDummyHash(), input.password);

  if (!ok || !user) {
    const stale = !fails || addMinutes(new Date(fails.window_start), LOCKOUT.minutes) <= now;
    const count = stale ? 1 : fails.count + 1;
    await db.transaction().execute(async (trx) => {
      await repo.writeCounter(trx, key, now.toISOString(), count);
      if (user && count >= LOCKOUT.maxFailures) {
        await updateUser(trx, user.id, {
          failed_logins: count,
          locked_until: addMinutes(now, LOCKOUT.minutes).toISOString(),
        });
      } else if (user) {
        await updateUser(trx, user.id, { failed_logins: count });
      }
      await writeAudit(trx, ctx, {
        entity: 'session',
        entityId: null,
        action: count >= LOCKOUT.maxFailures ? 'login.failed-locked' : 'login.failed',
        actorName: input.username,
      });
    });
    throw count >= LOCKOUT.maxFailures ? errors.locked() : errors.invalidCredentials();
  }

  const sessionToken = randomToken(32);
  const csrfToken = randomToken(24);
  const sessionId = sha256(sessionToken);
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.deleteCounter(trx, key);
    await repo.insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      ip: ctx.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: new Date(now.getTime() + limits.sessionAbsoluteHours * 3_600_000).toISOString(),
    });
    await updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: nowIso });
    await writeAudit(
      trx,
      { ...ctx, actor: null },
      {
        entity: 'session',
        entityId: user.id,
        action: 'login.success',
        actorName: user.username,
      },
    );
  });
  const fresh = await findUserById(db, user.id);
  return { user: presentUser(fresh ?? user), sessionToken, csrfToken };
}

export async function logout(ctx: ServiceContext): Promise<void> {
  const actor = ctx.actor;
  if (!actor?.sessionId) return;
  const sessionId = actor.sessionId;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await writeAudit(trx, ctx, { entity: 'session', entityId: actor.userId, action: 'logout' });
  });
}

/** Changes the caller's own password; other sessions of the user are ended. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const db = ctx.db.kysely;
  const user = await findUserById(db, actor.userId);
  if (!user) throw errors.unauthenticated();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw errors.validation([
      { path: 'currentPassword', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
    ]);
  }
  const policy = checkPasswordPolicy(input.newPassword);
  if (!policy.ok) throw errors.validation([{ path: 'newPassword', message: policy.message }]);
  if (input.newPassword === input.currentPassword) {
    throw errors.validation([
      {
        path: 'newPassword',
        message: { zh: '新密码不能与当前密码相同', en: 'The new password must differ' },
      },
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  const nowIso = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const patch = {
      password_hash: hash,
      must_change_password: 0,
      password_changed_at: nowIso,
      updated_at: nowIso,
    };
    await updateUser(trx, user.id, { ...patch, version: user.version + 1 });
    await repo.deleteSessionsOfUser(trx, user.id, actor.sessionId ?? undefined);
    await writeAudit(trx, ctx, {
      entity: 'user',
      entityId: user.id,
      action: 'password.change',
      before: auditableUser(user),
      after: auditableUser({ ...user, ...patch, version: user.version + 1 }),
    });
  });
}
