import { openDatabase } from '../db/connect';
import { withInitLock } from '../db/init-lock';
import { migrateToLatest } from '../db/migrate';
import { processClock } from '../lib/clock';
import { initInstance } from '../modules/system/init.service';
import { type CliIo, configOf, type ExitCode, refuse, say } from './io';

export async function migrateCommand(io: CliIo): Promise<ExitCode> {
  const db = openDatabase(configOf(io));
  try {
    // Takes its turn with servers starting on the same database (db/init-lock.ts).
    const applied = await withInitLock(db, () => migrateToLatest(db));
    say(io, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  } finally {
    await db.close();
  }
}

export interface InitOptions {
  demo: boolean;
  adminPassword?: string;
  adminUsername: string;
  zoneName?: string;
}

export async function initCommand(io: CliIo, opts: InitOptions): Promise<ExitCode> {
  const config = configOf(io);
  const adminPassword = opts.adminPassword ?? io.env.LIANZHAO_ADMIN_PASSWORD;
  if (!opts.demo && !adminPassword) {
    return refuse(io, 'init --no-demo needs --admin-password <password> or LIANZHAO_ADMIN_PASSWORD');
  }
  const db = openDatabase(config);
  const clock = processClock(config);
  try {
    const res = opts.demo
      ? await initInstance(db, clock, { demo: true, demoPassword: config.demoPassword })
      : await initInstance(db, clock, {
          demo: false,
          adminPassword: adminPassword ?? '',
          adminUsername: opts.adminUsername,
          ...(opts.zoneName ? { zoneName: opts.zoneName } : {}),
        });
    say(io, res.status === 'exists' ? 'the database already has users: nothing changed' : 'instance created');
    return 0;
  } finally {
    await db.close();
  }
}
