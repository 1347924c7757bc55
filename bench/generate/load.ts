import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { Generation } from './context';
import { orderGenerators } from './registry';
import type { AnyTableGenerator } from './types';

type Value = string | number | null;

/** Above this many rows a table's secondary indexes are dropped for the load and rebuilt after. */
const REBUILD_INDEXES_ABOVE = 100_000;
const SQLITE_TX_ROWS = 50_000;
const PG_BATCH_ROWS = 5_000;

/** A database the generated rows go into; one implementation per dialect. */
export interface BulkTarget {
  readMeta(): Promise<Map<string, string>>;
  writeMeta(table: string, fingerprint: string, rows: number, seconds: number): Promise<void>;
  /** Empties tables (given parents first; cleared children first). */
  clear(tables: string[]): Promise<void>;
  load(table: string, columns: readonly string[], rows: Iterable<Value[]>, expected: number): Promise<number>;
  /** After loading: statistics and tidy-up. */
  finish(tables: string[]): Promise<void>;
}

export interface TableLoad {
  table: string;
  rows: number;
  seconds: number;
  cached: boolean;
}

function* asValues(rows: Iterable<Record<string, unknown>>, columns: readonly string[]): Iterable<Value[]> {
  for (const row of rows) {
    const out: Value[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i] as string];
      out[i] = v === undefined ? null : (v as Value);
    }
    yield out;
  }
}

/**
 * Brings the target's generated tables up to date: a table is (re)generated when its fingerprint in
 * `bench_meta` differs (new generator version, scale, seed, or a regenerated parent); others are kept.
 */
export async function ensureGenerated(
  target: BulkTarget,
  generation: Generation,
  log: (line: string) => void,
): Promise<TableLoad[]> {
  const ordered = orderGenerators(generation.generators);
  const meta = await target.readMeta();
  const stale = ordered.filter((g) => meta.get(g.table) !== generation.fingerprint(g.table));
  await target.clear(stale.map((g) => g.table));
  const result: TableLoad[] = [];
  for (const g of ordered) {
    if (!stale.includes(g)) {
      result.push({ table: g.table, rows: generation.count(g.table), seconds: 0, cached: true });
      continue;
    }
    result.push(await loadOne(target, generation, g, log));
  }
  if (stale.length > 0) await target.finish(stale.map((g) => g.table));
  return result;
}

async function loadOne(
  target: BulkTarget,
  generation: Generation,
  g: AnyTableGenerator,
  log: (line: string) => void,
): Promise<TableLoad> {
  const expected = generation.count(g.table);
  const started = performance.now();
  const rows = await target.load(g.table, g.columns, asValues(generation.rows(g), g.columns), expected);
  const seconds = (performance.now() - started) / 1000;
  await target.writeMeta(g.table, generation.fingerprint(g.table), rows, seconds);
  log(`  generated ${g.table}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
  return { table: g.table, rows, seconds, cached: false };
}

const META_DDL = `create table if not exists bench_meta (
  table_name text primary key, fingerprint text not null, row_count integer not null,
  seconds real not null, generated_at text not null)`;

/** SQLite through the raw better-sqlite3 handle: one prepared insert, big transactions, no fsync. */
/** A table's triggers that keep counts (everything but the search index's `*_fts_*` ones). */
function countingTriggers(raw: SQLite.Database, table: string): { name: string; sql: string }[] {
  return (
    raw
      .prepare(
        "select name, sql from sqlite_master where type = 'trigger' and tbl_name = ? and sql is not null",
      )
      .all(table) as { name: string; sql: string }[]
  ).filter((t) => !t.name.includes('_fts_'));
}

export function sqliteTarget(raw: SQLite.Database): BulkTarget {
  raw.exec(META_DDL);
  return {
    async readMeta() {
      const rows = raw.prepare('select table_name, fingerprint from bench_meta').all() as {
        table_name: string;
        fingerprint: string;
      }[];
      return new Map(rows.map((r) => [r.table_name, r.fingerprint]));
    },
    async writeMeta(table, fingerprint, rows, seconds) {
      raw
        .prepare('insert or replace into bench_meta values (?, ?, ?, ?, ?)')
        .run(table, fingerprint, rows, seconds, new Date().toISOString());
    },
    async clear(tables) {
      raw.pragma('foreign_keys = OFF');
      for (const t of [...tables].reverse()) {
        raw.prepare('delete from bench_meta where table_name = ?').run(t);
        // Counting triggers off here too (recounted after the load): a delete fires them per row.
        const triggers = countingTriggers(raw, t);
        for (const tr of triggers) raw.exec(`drop trigger "${tr.name}"`);
        raw.exec(`delete from "${t}"`);
        for (const tr of triggers) raw.exec(tr.sql);
      }
    },
    async load(table, columns, rows, expected) {
      raw.pragma('synchronous = OFF');
      raw.pragma('foreign_keys = OFF');
      const indexes =
        expected > REBUILD_INDEXES_ABOVE
          ? (raw
              .prepare(
                "select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
              )
              .all(table) as { name: string; sql: string }[])
          : [];
      for (const ix of indexes) raw.exec(`drop index "${ix.name}"`);
      // The counting triggers (roll-ups, per-link counts) are off for a big load, as PostgreSQL's
      // load skips all triggers: with the table's indexes dropped, a milestone trigger that reads
      // the project's other milestones scanned the whole table per row (1M milestones: hours). The
      // bench recounts them once after the load (bench-db.ts). Search-index triggers stay on.
      const triggers = expected > REBUILD_INDEXES_ABOVE ? countingTriggers(raw, table) : [];
      for (const tr of triggers) raw.exec(`drop trigger "${tr.name}"`);
      const insert = raw.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      let n = 0;
      let batch: Value[][] = [];
      const flush = raw.transaction((items: Value[][]) => {
        for (const item of items) insert.run(item);
      });
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= SQLITE_TX_ROWS) {
          flush(batch);
          n += batch.length;
          batch = [];
        }
      }
      flush(batch);
      n += batch.length;
      for (const ix of indexes) raw.exec(ix.sql);
      for (const tr of triggers) raw.exec(tr.sql);
      raw.pragma('synchronous = NORMAL');
      raw.pragma('foreign_keys = ON');
      return n;
    },
    async finish() {
      // No ANALYZE: the app never runs it, so the planner sees what it sees in production.
      raw.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

/**
 * PostgreSQL through one client: `insert … select * from unnest($1::text[], …)` carries thousands of
 * rows in one statement with one parameter per column (near COPY speed, no extra dependency), and the
 * next batch is generated while the previous one is in flight.
 */
export async function postgresTarget(client: pg.Client): Promise<BulkTarget> {
  await client.query(META_DDL.replace('real', 'double precision'));
  return {
    async readMeta() {
      const res = await client.query<{ table_name: string; fingerprint: string }>(
        'select table_name, fingerprint from bench_meta',
      );
      return new Map(res.rows.map((r) => [r.table_name, r.fingerprint]));
    },
    async writeMeta(table, fingerprint, rows, seconds) {
      await client.query(
        `insert into bench_meta values ($1, $2, $3, $4, $5)
         on conflict (table_name) do update set fingerprint = $2, row_count = $3, seconds = $4, generated_at = $5`,
        [table, fingerprint, rows, seconds, new Date().toISOString()],
      );
    },
    async clear(tables) {
      if (tables.length === 0) return;
      await client.query('delete from bench_meta where table_name = any($1)', [tables]);
      // CASCADE also empties app-written children (sessions); generated children are stale too.
      await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`);
    },
    async load(table, columns, rows, expected) {
      await client.query('set synchronous_commit = off');
      await client.query("set maintenance_work_mem = '256MB'");
      // Skips foreign-key triggers during the load (superuser only; the generator keeps references valid).
      await client.query('set session_replication_role = replica').catch(() => undefined);
      const types = await client.query<{ column_name: string; data_type: string }>(
        'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      );
      const typeOf = new Map(types.rows.map((r) => [r.column_name, r.data_type]));
      const indexes =
        expected > REBUILD_INDEXES_ABOVE
          ? (
              await client.query<{ name: string; def: string }>(
                `select i.relname as name, pg_get_indexdef(i.oid) as def
                 from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                 where t.relname = $1 and t.relnamespace = current_schema()::regnamespace
                   and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
                [table],
              )
            ).rows
          : [];
      for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
      const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${columns
        .map((c, i) => `$${i + 1}::${typeOf.get(c) ?? 'text'}[]`)
        .join(', ')})`;
      let n = 0;
      let inFlight: Promise<unknown> | null = null;
      let cols: Value[][] = columns.map(() => []);
      const send = async (batch: Value[][]) => {
        if (inFlight) await inFlight;
        inFlight = client.query(sql, batch);
      };
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) cols[i]?.push(row[i] ?? null);
        n++;
        if ((cols[0]?.length ?? 0) >= PG_BATCH_ROWS) {
          await send(cols);
          cols = columns.map(() => []);
        }
      }
      if ((cols[0]?.length ?? 0) > 0) await send(cols);
      if (inFlight) await inFlight;
      for (const ix of indexes) await client.query(ix.def);
      await client.query('set session_replication_role = origin').catch(() => undefined);
      return n;
    },
    async finish(tables) {
      // Autovacuum would do this on a live server; a fresh bulk load has no statistics yet.
      for (const t of tables) await client.query(`vacuum analyze "${t}"`);
      // Flush the load now, so its writes do not land in the middle of the first measured run.
      await client.query('checkpoint').catch(() => undefined);
    },
  };
}
