import fs from 'node:fs';
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../../shared/src/roles';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { withInitLock } from '../db/init-lock';
import { migrateToLatest } from '../db/migrate';
import { systemClock } from '../lib/clock';
import { serve } from '../main';
import { initInstance } from '../modules/system/init.service';
import { backupSqlite, restoreSqlite } from './backup';
import { importFirmsCommand, importReportCommand } from './import-commands';
import { addUserCommand, disableUserCommand, resetPasswordCommand } from './user-commands';

/** `lianzhao` — the same services the routes call, for operators at a shell. */
const program = new Command()
  .name('lianzhao')
  .description('链招 Lianzhao: investment promotion and project delivery for a development zone')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, load the demo zone into an empty database, serve UI and API')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const db = openDatabase(loadConfig());
    try {
      // Takes its turn with servers starting on the same database.
      const applied = await withInitLock(db, () => migrateToLatest(db));
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await db.close();
    }
  });

program
  .command('init')
  .description('prepare an empty database: the demo zone, or with --no-demo a clean instance with one admin')
  .option('--no-demo', 'create a clean instance (needs --admin-password or LIANZHAO_ADMIN_PASSWORD)')
  .option('--admin-password <password>', 'password of the first admin (clean instance)')
  .option('--admin-username <name>', 'username of the first admin', 'admin')
  .option('--zone-name <name>', 'the zone this instance serves (clean instance)')
  .action(
    async (opts: { demo: boolean; adminPassword?: string; adminUsername: string; zoneName?: string }) => {
      const config = loadConfig();
      const db = openDatabase(config);
      try {
        let res: Awaited<ReturnType<typeof initInstance>>;
        if (opts.demo) {
          res = await initInstance(db, systemClock, { demo: true, demoPassword: config.demoPassword });
        } else {
          const adminPassword = opts.adminPassword ?? process.env.LIANZHAO_ADMIN_PASSWORD;
          if (!adminPassword) {
            console.error('init --no-demo needs --admin-password <password> or LIANZHAO_ADMIN_PASSWORD');
            process.exitCode = 2;
            return;
          }
          res = await initInstance(db, systemClock, {
            demo: false,
            adminPassword,
            adminUsername: opts.adminUsername,
            ...(opts.zoneName ? { zoneName: opts.zoneName } : {}),
          });
        }
        console.log(
          res.status === 'exists' ? 'the database already has users: nothing changed' : 'instance created',
        );
      } finally {
        await db.close();
      }
    },
  );

const user = program.command('user').description('manage accounts');
user
  .command('add <username>')
  .description('create an account (must change its password at first sign-in)')
  .addOption(new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory())
  .requiredOption('--password <password>', 'initial password')
  .option('--name <displayName>', 'display name')
  .option('--department <code>', 'department code (department users)')
  .option('--firm <firmId>', 'firm id (enterprise users)')
  .action(
    async (
      username: string,
      o: { role: Role; password: string; name?: string; department?: string; firm?: string },
    ) => addUserCommand(username, o),
  );
user
  .command('reset-password <username>')
  .description('set a new password; the user must change it at next sign-in')
  .requiredOption('--password <password>', 'new password')
  .action(async (username: string, o: { password: string }) => resetPasswordCommand(username, o.password));
user
  .command('disable <username>')
  .description('disable an account and end its sessions')
  .action(async (username: string) => disableUserCommand(username));

const imports = program.command('import').description('bulk imports (CSV or xlsx, any size, in batches)');
imports
  .command('firms <file>')
  .description('import firms from a CSV (UTF-8 or GBK) or xlsx with the template headers, in batches')
  .option('--batch <rows>', 'rows per batch, each written all-or-nothing', '5000')
  .option('--resume <jobId>', 'continue a stopped or interrupted job with the same file')
  .option('--max-batches <n>', 'stop (resumably) after this many batches')
  .option('--as <username>', 'the user the import acts as (audit trail, permissions)', 'admin')
  .action(async (file: string, o: { batch?: string; resume?: string; maxBatches?: string; as: string }) =>
    importFirmsCommand(file, o),
  );
imports
  .command('report <jobId>')
  .description('write the report of a bulk import (refused rows, CSV) to stdout')
  .option('--as <username>', 'the user who ran it, or an admin', 'admin')
  .action(async (jobId: string, o: { as: string }) => importReportCommand(jobId, o));

program
  .command('backup <file>')
  .description('online backup of the SQLite database to <file> (PostgreSQL: use pg_dump)')
  .action(async (file: string) => backupSqlite(loadConfig(), file));

program
  .command('restore <file>')
  .description('replace the SQLite database with a backup (refused while a server runs on the data folder)')
  .option('--force', 'overwrite a database that already has data')
  .action(async (file: string, o: { force?: boolean }) => {
    if (!fs.existsSync(file)) {
      console.error(`no such file: ${file}`);
      process.exitCode = 2;
      return;
    }
    await restoreSqlite(loadConfig(), file, o.force === true);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
