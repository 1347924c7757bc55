/**
 * `node --import tsx bench/statement-profile.ts --scale province --scenario projects-by-chain [--seconds 10] [--pragma mmap_size=…]`:
 * replays a scenario's raw side on SQLite as `npm run bench` does (one connection, every variant's
 * own statements in turn) and prints where the time goes, per statement of an op: mean CPU µs and share.
 * `--pragma` (repeatable) sets a connection pragma first, to try a setting against the same replay.
 * Reads the cached bench database as it is (run `npm run bench` once first); generates nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type SQLite from 'better-sqlite3';
import { openSqlite } from '../server/src/db/connect';
import { migrateToLatest } from '../server/src/db/migrate';
import { hashPassword } from '../server/src/lib/secrets';
import { DEFAULT_SEED, Generation } from './generate/context';
import { Rng } from './generate/prng';
import type { ScaleName } from './generate/types';
import { BENCH_DIR } from './lib/bench-db';
import { SCENARIOS } from './scenarios/registry';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'zone' },
    scenario: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    pragma: { type: 'string', multiple: true, default: [] },
  },
  strict: true,
});

async function main() {
  const scale = values.scale as ScaleName;
  const scenario = SCENARIOS.find((s) => s.name === values.scenario);
  if (!scenario) throw new Error(`--scenario one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const db = openSqlite(path.join(BENCH_DIR, `lz-${scale}.sqlite`));
  const raw = db.sqliteRaw as SQLite.Database;
  try {
    await migrateToLatest(db);
    for (const p of values.pragma) console.log(`pragma ${p} → ${JSON.stringify(raw.pragma(p))}`);
    const generation = new Generation({ seed: DEFAULT_SEED, scale, passwordHash: await hashPassword('x') });
    const rng = Rng.derive(DEFAULT_SEED, `scenario:${scenario.name}`);
    const ops = (await scenario.prepare({ db, generation, rng })).rawOps ?? [];
    const prepared = new Map<string, SQLite.Statement>();
    const byKey = new Map<string, { sql: string; ms: number; n: number }>();
    const end = performance.now() + Number(values.seconds) * 1000;
    let done = 0;
    while (performance.now() < end) {
      const op = ops[done++ % ops.length] ?? [];
      for (const [i, s] of op.entries()) {
        let stmt = prepared.get(s.sql);
        if (!stmt) {
          stmt = raw.prepare(s.sql);
          prepared.set(s.sql, stmt);
        }
        // CPU time, not wall time: the figures hold on a shared, busy machine.
        const t0 = process.cpuUsage();
        stmt.all(...s.params);
        const t1 = process.cpuUsage(t0);
        const ms = (t1.user + t1.system) / 1000;
        const key = `${i}:${s.sql.slice(0, 60)}`;
        const row = byKey.get(key) ?? { sql: s.sql, ms: 0, n: 0 };
        row.ms += ms;
        row.n += 1;
        byKey.set(key, row);
      }
    }
    const total = [...byKey.values()].reduce((a, r) => a + r.ms, 0);
    console.log(`${done} ops, ${((total / done) * 1000).toFixed(0)} µs of SQL per op`);
    for (const [key, r] of [...byKey.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(
        `${((r.ms / r.n) * 1000).toFixed(0).padStart(6)} µs  ${((100 * r.ms) / total).toFixed(1).padStart(5)}%  ×${r.n}  ${key.split(':')[0]}  ${r.sql.slice(0, 300)}`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
