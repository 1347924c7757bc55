import { type Db, openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { AppError } from '../plugins/errors';
import { type CliIo, configOf, type ExitCode, refuse } from './io';

/**
 * Opens the configured database, brings it up to date and runs one command on it. A refusal from a
 * service (AppError: bad input, nothing written) becomes its bilingual message and exit code 2.
 */
export async function withDatabase(
  io: CliIo,
  fn: (db: Db) => Promise<ExitCode | undefined>,
): Promise<ExitCode> {
  const db = openDatabase(configOf(io));
  try {
    await migrateToLatest(db);
    return (await fn(db)) ?? 0;
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.fields.map((f) => `\n  ${f.path}: ${f.message.zh} / ${f.message.en}`).join('');
      return refuse(io, `${err.bilingual.zh} / ${err.bilingual.en}${fields}`);
    }
    throw err;
  } finally {
    await db.close();
  }
}
