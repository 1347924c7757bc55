import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db } from '../../server/src/db/connect';
import type { Database } from '../../server/src/db/database';
import type { Statement } from '../scenarios/types';

/**
 * Runs a repository function once and records the SQL it sends, so the raw-SQL side of a scenario
 * runs exactly the statements the app runs (not a hand-written look-alike).
 */
export async function captureStatements(
  db: Db,
  run: (kysely: Kysely<Database>) => Promise<unknown>,
): Promise<Statement[]> {
  const captured: Statement[] = [];
  const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, params: event.query.parameters });
  };
  if (db.sqliteRaw) {
    // Not destroyed: destroying would close the shared handle.
    await run(new Kysely<Database>({ dialect: new SqliteDialect({ database: db.sqliteRaw }), log }));
    return captured;
  }
  if (!db.databaseUrl) throw new Error('captureStatements: database has neither a SQLite handle nor a URL');
  const pool = new pg.Pool({ connectionString: db.databaseUrl, max: 2 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  try {
    await run(kysely);
  } finally {
    await kysely.destroy();
  }
  return captured;
}

/**
 * Turns captured statements into a template: each parameter equal to a sentinel value is replaced
 * by the value of the same key on every `bind`; the other parameters are kept as captured.
 */
export function statementTemplate(
  captured: Statement[],
  sentinels: Record<string, string | number>,
): (values: Record<string, unknown>) => Statement[] {
  const keyOf = new Map(Object.entries(sentinels).map(([k, v]) => [v, k]));
  const slots = captured.map((s) => s.params.map((p) => keyOf.get(p as string | number) ?? null));
  const found = new Set(slots.flat());
  for (const key of Object.keys(sentinels)) {
    if (!found.has(key)) throw new Error(`sentinel "${key}" did not reach the SQL: the capture is wrong`);
  }
  return (values) =>
    captured.map((s, i) => ({
      sql: s.sql,
      params: s.params.map((p, j) => {
        const key = slots[i]?.[j];
        return key ? values[key] : p;
      }),
    }));
}
