import type SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Db } from '../../server/src/db/connect';
import type { Statement } from '../scenarios/types';
import { type LatencySummary, summarise } from './stats';

/**
 * Runs the scenario's raw SQL for `seconds`. SQLite: one connection in a tight synchronous loop,
 * which is what the app has (one better-sqlite3 handle; ten HTTP clients queue on it). PostgreSQL:
 * a pool of `concurrency` connections with one loop each, like the app's pool under ten clients;
 * an op's statements run together, as the repository's Promise.all does.
 */
export async function runRawLoad(
  db: Db,
  ops: Statement[][],
  seconds: number,
  concurrency: number,
): Promise<LatencySummary> {
  if (ops.length === 0) throw new Error('no raw ops');
  if (db.sqliteRaw) return runSqlite(db.sqliteRaw, ops, seconds);
  if (!db.databaseUrl) throw new Error('raw load: no database');
  return runPostgres(db.databaseUrl, ops, seconds, concurrency);
}

function runSqlite(raw: SQLite.Database, ops: Statement[][], seconds: number): LatencySummary {
  const prepared = new Map<string, SQLite.Statement>();
  const stmt = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) {
      s = raw.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let i = 0;
  let now = start;
  while (now < end) {
    const op = ops[i++ % ops.length] ?? [];
    const t0 = now;
    for (const s of op) stmt(s.sql).all(...s.params);
    now = performance.now();
    latencies.push(now - t0);
  }
  return summarise(latencies, (now - start) / 1000);
}

async function runPostgres(
  url: string,
  ops: Statement[][],
  seconds: number,
  concurrency: number,
): Promise<LatencySummary> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const latencies: number[] = [];
  let i = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const op = ops[i++ % ops.length] ?? [];
      const t0 = performance.now();
      await Promise.all(op.map((s) => pool.query(s.sql, [...s.params])));
      latencies.push(performance.now() - t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    await pool.end();
  }
  return summarise(latencies, (performance.now() - start) / 1000);
}
