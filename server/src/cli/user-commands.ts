import type { Role } from '../../../shared/src/roles';
import { loadConfig } from '../config';
import { type Db, openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { systemClock } from '../lib/clock';
import { findUserByUsername } from '../modules/user/user.repository';
import { createUser, resetPassword, updateUserAccount } from '../modules/user/user.service';
import type { ServiceContext } from '../plugins/context';
import { AppError } from '../plugins/errors';

async function withCli(fn: (ctx: ServiceContext, db: Db) => Promise<void>): Promise<void> {
  const db = openDatabase(loadConfig());
  try {
    await migrateToLatest(db);
    // The CLI acts as the operator at the shell: audit rows show actor "cli".
    await fn({ db, actor: null, ip: 'cli', clock: systemClock }, db);
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.fields.map((f) => `  ${f.path}: ${f.message.zh} / ${f.message.en}`).join('\n');
      console.error(`${err.bilingual.zh} / ${err.bilingual.en}${fields ? `\n${fields}` : ''}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    await db.close();
  }
}

export function addUserCommand(
  username: string,
  o: { role: Role; password: string; name?: string; department?: string; firm?: string },
) {
  return withCli(async (ctx, db) => {
    let departmentId: string | null = null;
    if (o.department) {
      const d = await db.kysely
        .selectFrom('department')
        .select('id')
        .where('code', '=', o.department)
        .executeTakeFirst();
      if (!d) throw new Error(`no department with code ${o.department}`);
      departmentId = d.id;
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
    console.log(`created ${user.username} (${user.role}); they must change the password at first sign-in`);
  });
}

export function resetPasswordCommand(username: string, password: string) {
  return withCli(async (ctx, db) => {
    const user = await findUserByUsername(db.kysely, username);
    if (!user) throw new Error(`no user ${username}`);
    const { revokedTokens } = await resetPassword(ctx, user.id, password);
    console.log(
      `password of ${username} reset, API tokens revoked: ${revokedTokens}; they must change it at next sign-in`,
    );
  });
}

export function disableUserCommand(username: string) {
  return withCli(async (ctx, db) => {
    const user = await findUserByUsername(db.kysely, username);
    if (!user) throw new Error(`no user ${username}`);
    await updateUserAccount(ctx, user.id, { version: user.version, disabled: true });
    console.log(`${username} disabled and signed out`);
  });
}
