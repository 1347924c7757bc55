import type { Role } from '../../../shared/src/roles';
import type { Db } from '../db/connect';
import { processClock } from '../lib/clock';
import { departmentIdsByCode } from '../modules/department/department.service';
import { findUserByUsername } from '../modules/user/user.repository';
import { createUser, resetPassword, updateUserAccount } from '../modules/user/user.service';
import type { ServiceContext } from '../plugins/context';
import { type CliIo, configOf, type ExitCode, say } from './io';
import { withDatabase } from './with-database';

function asOperator(io: CliIo, fn: (ctx: ServiceContext, db: Db) => Promise<void>): Promise<ExitCode> {
  return withDatabase(io, async (db) => {
    // The CLI acts as the operator at the shell: audit rows show actor "cli".
    await fn({ db, actor: null, ip: 'cli', clock: processClock(configOf(io)) }, db);
    return 0;
  });
}

export function addUserCommand(
  io: CliIo,
  username: string,
  o: { role: Role; password: string; name?: string; department?: string; firm?: string },
): Promise<ExitCode> {
  return asOperator(io, async (ctx, db) => {
    let departmentId: string | null = null;
    if (o.department) {
      const id = (await departmentIdsByCode(db.kysely)).get(o.department);
      if (!id) throw new Error(`no department with code ${o.department}`);
      departmentId = id;
    }
    const user = await createUser(ctx, {
      username,
      displayName: o.name ?? username,
      role: o.role,
      departmentId,
      firmId: o.firm ?? null,
      password: o.password,
      mustChangePassword: true,
    });
    say(io, `created ${user.username} (${user.role}); they must change the password at first sign-in`);
  });
}

export function resetPasswordCommand(io: CliIo, username: string, password: string): Promise<ExitCode> {
  return asOperator(io, async (ctx, db) => {
    const user = await findUserByUsername(db.kysely, username);
    if (!user) throw new Error(`no user ${username}`);
    const { revokedTokens } = await resetPassword(ctx, user.id, password);
    say(
      io,
      `password of ${username} reset, API tokens revoked: ${revokedTokens}; they must change it at next sign-in`,
    );
  });
}

export function disableUserCommand(io: CliIo, username: string): Promise<ExitCode> {
  return asOperator(io, async (ctx, db) => {
    const user = await findUserByUsername(db.kysely, username);
    if (!user) throw new Error(`no user ${username}`);
    await updateUserAccount(ctx, user.id, { version: user.version, disabled: true });
    say(io, `${username} disabled and signed out`);
  });
}
