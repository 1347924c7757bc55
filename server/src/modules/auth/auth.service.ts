import type { Kysely } from 'kysely';
import { checkPasswordPolicy } from '../../../../shared/src/password-policy';
import type { Database } from '../../db/database';
import { addMinutes } from '../../lib/clock';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/secrets';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import * as repo from '../session/session.service';
import { revokeAllTokensOf } from '../token/token.service';
import { auditableUser, presentUser, type UserDto } from '../user/user.presenter';
import {
  findUserById,
  findUserByUsername,
  raiseFailedLogins,
  type UserRow,
  updateUser,
} from '../user/user.service';

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
  const now = ctx.clock.now();
  const { count } = await repo.bumpCounter(ctx.db.kysely, `login-ip:${ctx.ip ?? 'unknown'}`, {
    nowIso: now.toISOString(),
    staleBeforeIso: addMinutes(now, -limits.perIpWindowMinutes).toISOString(),
    slideBelow: 0,
  });
  if (count > limits.perIpAttempts) throw errors.rateLimited();
}

function failureKey(username: string) {
  return `login-fail:${username.toLowerCase()}`;
}

/**
 * Takes one of the name's five password checks before the password is verified (等保 lockout), in
 * one atomic statement: thirty parallel guesses get thirty different numbers, and only numbers 1–5
 * may check a password. A success gives the slot back (`releaseAttemptSlots`). Sign-in and the
 * change-password form share the counter, so both count towards the same lock.
 */
async function reserveAttemptSlot(ctx: ServiceContext, username: string): Promise<number> {
  const now = ctx.clock.now();
  const { count } = await repo.bumpCounter(ctx.db.kysely, failureKey(username), {
    nowIso: now.toISOString(),
    staleBeforeIso: addMinutes(now, -LOCKOUT.minutes).toISOString(),
    slideBelow: LOCKOUT.maxFailures,
  });
  return count;
}

function releaseAttemptSlots(db: Kysely<Database>, username: string) {
  return repo.deleteCounter(db, failureKey(username));
}

/** Keeps the failed check on the account (failed_logins, locked_until) and in the audit log. */
async function recordFailedCheck(
  ctx: ServiceContext,
  slot: number,
  who: { username: string; user: UserRow | undefined; action: 'login' | 'password.change' },
): Promise<void> {
  const { user } = who;
  const locks = slot >= LOCKOUT.maxFailures;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (user) {
      const lockedUntil = locks ? addMinutes(ctx.clock.now(), LOCKOUT.minutes).toISOString() : null;
      await raiseFailedLogins(trx, user.id, slot, lockedUntil);
    }
    await writeAudit(trx, ctx, {
      entity: who.action === 'login' ? 'session' : 'user',
      entityId: who.action === 'login' ? null : (user?.id ?? null),
      action: `${who.action}.${locks ? 'failed-locked' : 'failed'}`,
      actorName: who.username,
    });
  });
}

async function refuseLocked(ctx: ServiceContext, username: string, action: 'login' | 'password.change') {
  await writeAudit(ctx.db.kysely, ctx, {
    entity: action === 'login' ? 'session' : 'user',
    entityId: null,
    action: `${action}.locked`,
    actorName: username,
  });
  return errors.locked();
}

/** Signs a user in: throttles, takes a lockout slot, verifies the password, opens a database session. */
export async function login(
  ctx: ServiceContext,
  limits: LoginLimits,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const db = ctx.db.kysely;
  await countIpAttempt(ctx, limits);
  const now = ctx.clock.now();
  const slot = await reserveAttemptSlot(ctx, input.username);
  if (slot > LOCKOUT.maxFailures) throw await refuseLocked(ctx, input.username, 'login');
  const user = await findUserByUsername(db, input.username);
  const ok = user && user.disabled === 0 ? await verifyPassword(user.password_hash, input.password) : false;
  if (!user || user.disabled === 1) await verifyPassword(await getDummyHash(), input.password);

  if (!ok || !user) {
    await recordFailedCheck(ctx, slot, { username: input.username, user, action: 'login' });
    throw slot >= LOCKOUT.maxFailures ? errors.locked() : errors.invalidCredentials();
  }

  const sessionToken = randomToken(32);
  const csrfToken = randomToken(24);
  const sessionId = sha256(sessionToken);
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await releaseAttemptSlots(trx, user.username);
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

/** Changes the caller's own password; other sessions of the user end and its API tokens are revoked. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw errors.unauthenticated();
  const db = ctx.db.kysely;
  const user = await findUserById(db, actor.userId);
  if (!user) throw errors.unauthenticated();
  // Guesses at the current password count like failed sign-ins (same counter, same lock).
  // Whoever holds a session and keeps guessing is not its owner: the lock also ends that session.
  const endGuessingSession = async () => {
    if (actor.sessionId) await repo.deleteSession(db, actor.sessionId);
  };
  const slot = await reserveAttemptSlot(ctx, user.username);
  if (slot > LOCKOUT.maxFailures) {
    await endGuessingSession();
    throw await refuseLocked(ctx, user.username, 'password.change');
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordFailedCheck(ctx, slot, { username: user.username, user, action: 'password.change' });
    if (slot >= LOCKOUT.maxFailures) {
      await endGuessingSession();
      throw errors.locked();
    }
    throw errors.validation([
      { path: 'currentPassword', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
    ]);
  }
  await releaseAttemptSlots(db, user.username);
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
      failed_logins: 0,
      password_changed_at: nowIso,
      updated_at: nowIso,
    };
    await updateUser(trx, user.id, { ...patch, version: user.version + 1 });
    await repo.deleteSessionsOfUser(trx, user.id, actor.sessionId ?? undefined);
    await revokeAllTokensOf(trx, ctx, user.id, 'password.change');
    await writeAudit(trx, ctx, {
      entity: 'user',
      entityId: user.id,
      action: 'password.change',
      before: auditableUser(user),
      after: auditableUser({ ...user, ...patch, version: user.version + 1 }),
    });
  });
}
