/**
 * `node --import tsx bench/explain.ts --scale zone --db sqlite|postgres --scenario chain-map [--op 0]`:
 * the statements one op of a scenario replays (its raw side), each timed (best of 5) with its plan —
 * EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL. Reads the cached bench
 * database of that scale as it is (run `npm run bench` once first); generates nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Db, openPostgres, openSqlite } from '../server/src/db/connect';
import { migrateToLatest } from '../server/src/db/migrate';
import { hashPassword } from '../server/src/lib/secrets';
import { DEFAULT_SEED, Generation } from './generate/context';
import { Rng } from './generate/prng';
import type { ScaleName } from './generate/types';
import { BENCH_DIR, benchPgUrl, DEFAULT_PG_URL } from './lib/bench-db';
import { SCENARIOS } from './scenarios/registry';
import type { Statement } from './scenarios/types';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'zone' },
    db: { type: 'string', default: 'sqlite' },
    scenario: { type: 'string' },
    op: { type: 'string', default: '0' },
    brief: { type: 'boolean', default: false },
  },
  strict: true,
});

async function main() {
  const scale = values.scale as ScaleName;
  const scenario = SCENARIOS.find((s) => s.name === values.scenario);
  if (!scenario) throw new Error(`--scenario one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const db =
    values.db === 'postgres'
      ? openPostgres(benchPgUrl(process.env.LZ_BENCH_PG_URL ?? DEFAULT_PG_URL, scale), { max: 2 })
      : openSqlite(path.join(BENCH_DIR, `lz-${scale}.sqlite`));
  try {
    await migrateToLatest(db);
    const generation = new Generation({ seed: DEFAULT_SEED, scale, passwordHash: await hashPassword('x') });
    const rng = Rng.derive(DEFAULT_SEED, `scenario:${scenario.name}`);
    const prepared = await scenario.prepare({ db, generation, rng });
    const op = prepared.rawOps?.[Number(values.op)];
    if (!op) throw new Error('the scenario has no such raw op');
    let total = 0;
    for (const [i, s] of op.entries()) {
      const { ms, plan } = await explain(db.sqliteRaw ? 'sqlite' : 'postgres', s, db);
      total += ms;
      console.log(`\n#${i} ${ms.toFixed(2)} ms  ${s.sql.slice(0, 400)}${s.sql.length > 400 ? '…' : ''}`);
      const detail = values.brief ? plan.filter((l) => /Planning Time|Execution Time|^[A-Z]/.test(l)) : plan;
      console.log(
        `   ${s.params.length} params: ${JSON.stringify(s.params).slice(0, 160)}\n${detail.map((l) => `   ${l}`).join('\n')}`,
      );
    }
    console.log(`\n${op.length} statements, ${total.toFixed(2)} ms in all (best of 5 each)`);
  } finally {
    await db.close();
  }
}

async function explain(
  dialect: 'sqlite' | 'postgres',
  s: Statement,
  db: Db,
): Promise<{ ms: number; plan: string[] }> {
  let best = Number.POSITIVE_INFINITY;
  if (dialect === 'sqlite') {
    const raw = db.sqliteRaw;
    if (!raw) throw new Error('no SQLite handle');
    const stmt = raw.prepare(s.sql);
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      stmt.all(...s.params);
      best = Math.min(best, performance.now() - t0);
    }
    const plan = raw.prepare(`explain query plan ${s.sql}`).all(...s.params) as Array<{ detail: string }>;
    return { ms: best, plan: plan.map((p) => p.detail) };
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: db.databaseUrl ?? '' });
  await client.connect();
  try {
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      await client.query(s.sql, [...s.params]);
      best = Math.min(best, performance.now() - t0);
    }
    const res = await client.query(`explain (analyze, buffers) ${s.sql}`, [...s.params]);
    return { ms: best, plan: res.rows.map((r: Record<string, string>) => r['QUERY PLAN'] ?? '') };
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
