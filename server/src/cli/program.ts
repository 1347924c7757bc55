import { Command, CommanderError, Option } from 'commander';
import { ROLES, type Role } from '../../../shared/src/roles';
import { type CliIo, configOf, type ExitCode } from './io';

/*
 * `lianzhao` — the same services the routes call, for operators at a shell. Each command loads its
 * implementation when it runs, so `--help` answers without loading the server.
 */

function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command()
    .name('lianzhao')
    .description('链招 Lianzhao: investment promotion and project delivery for a development zone')
    .showHelpAfterError()
    // Set before the commands are added: subcommands inherit them.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('serve')
    .description('migrate, load the demo zone into an empty database, serve UI and API')
    .action(async () => {
      const { serve } = await import('../main');
      await serve(configOf(io));
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => setExit(await (await import('./system-commands')).migrateCommand(io)));

  program
    .command('init')
    .description(
      'prepare an empty database: the demo zone, or with --no-demo a clean instance with one admin',
    )
    .option('--no-demo', 'create a clean instance (needs --admin-password or LIANZHAO_ADMIN_PASSWORD)')
    .option('--admin-password <password>', 'password of the first admin (clean instance)')
    .option('--admin-username <name>', 'username of the first admin', 'admin')
    .option('--zone-name <name>', 'the zone this instance serves (clean instance)')
    .action(
      async (opts: { demo: boolean; adminPassword?: string; adminUsername: string; zoneName?: string }) =>
        setExit(await (await import('./system-commands')).initCommand(io, opts)),
    );

  const user = program.command('user').description('manage accounts');
  user
    .command('add <username>')
    .description('create an account (must change its password at first sign-in)')
    .addOption(
      new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory(),
    )
    .requiredOption('--password <password>', 'initial password')
    .option('--name <displayName>', 'display name')
    .option('--department <code>', 'department code (department users)')
    .option('--firm <firmId>', 'firm id (enterprise users)')
    .action(
      async (
        username: string,
        o: { role: Role; password: string; name?: string; department?: string; firm?: string },
      ) => setExit(await (await import('./user-commands')).addUserCommand(io, username, o)),
    );
  user
    .command('reset-password <username>')
    .description('set a new password; the user must change it at next sign-in')
    .requiredOption('--password <password>', 'new password')
    .action(async (username: string, o: { password: string }) =>
      setExit(await (await import('./user-commands')).resetPasswordCommand(io, username, o.password)),
    );
  user
    .command('disable <username>')
    .description('disable an account and end its sessions')
    .action(async (username: string) =>
      setExit(await (await import('./user-commands')).disableUserCommand(io, username)),
    );

  const imports = program.command('import').description('bulk imports (CSV or xlsx, any size, in batches)');
  imports
    .command('firms <file>')
    .description('import firms from a CSV (UTF-8 or GBK) or xlsx with the template headers, in batches')
    .option('--batch <rows>', 'rows per batch, each written all-or-nothing', '5000')
    .option('--resume <jobId>', 'continue a stopped or interrupted job with the same file')
    .option('--max-batches <n>', 'stop (resumably) after this many batches')
    .option('--as <username>', 'the user the import acts as (audit trail, permissions)', 'admin')
    .action(async (file: string, o: { batch?: string; resume?: string; maxBatches?: string; as: string }) =>
      setExit(await (await import('./import-commands')).importFirmsCommand(io, file, o)),
    );
  imports
    .command('report <jobId>')
    .description('write the report of a bulk import (refused rows, CSV) to stdout')
    .option('--as <username>', 'the user who ran it, or an admin', 'admin')
    .action(async (jobId: string, o: { as: string }) =>
      setExit(await (await import('./import-commands')).importReportCommand(io, jobId, o)),
    );

  program
    .command('backup <file>')
    .description('online backup of the SQLite database to <file> (PostgreSQL: use pg_dump)')
    .action(async (file: string) => {
      const { backupSqlite } = await import('./backup');
      setExit(await backupSqlite(io, configOf(io), file));
    });

  program
    .command('restore <file>')
    .description('replace the SQLite database with a backup (refused while a server runs on the data folder)')
    .option('--force', 'overwrite a database that already has data')
    .action(async (file: string, o: { force?: boolean }) => {
      const { restoreSqlite } = await import('./backup');
      setExit(await restoreSqlite(io, configOf(io), file, o.force === true));
    });

  return program;
}

/**
 * Runs one command line (`argv` without node and the script) and returns its exit code: the shell
 * entry (main.ts) sets it on the process; tests call this in-process with a recording `io`.
 * `serve` returns once the server listens and leaves it running.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: ExitCode = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    // --help and usage errors: commander has already written what to say.
    if (err instanceof CommanderError) return err.exitCode;
    io.err(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
