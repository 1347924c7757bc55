/**
 * `npm run bench -- [--scale small|zone|province] [--db sqlite|postgres|both] [--scenario name[,name]]
 * [--duration 10] [--seed n]`: generates (or reuses) the scale's data, then runs each scenario through
 * HTTP (the real app, autocannon, 10 connections) and as raw SQL on the same database.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { DEFAULT_DEMO_PASSWORD, DEFAULT_LIST_CACHE_MB } from '../server/src/config';
import { hashPassword } from '../server/src/lib/secrets';
import { DEFAULT_SEED, GENERATOR_VERSION, Generation, WORLD_NOW_MS } from './generate/context';
import { Rng } from './generate/prng';
import { BENCH_ADMIN } from './generate/tables/app-user.generator';
import { SCALES, type ScaleName } from './generate/types';
import {
  BENCH_DIR,
  type BenchDb,
  DEFAULT_PG_URL,
  openBenchPostgres,
  openBenchSqlite,
  probePostgres,
  removeRunLeftovers,
} from './lib/bench-db';
import { runHttpLoad } from './lib/http-load';
import { runRawLoad } from './lib/raw-load';
import { formatTable, type ScenarioResult, writeResults } from './lib/report';
import { PROVINCE_ANCHOR } from './scenarios/anchor';
import { formatExtractionTable, runExtractionBench } from './scenarios/extraction';
import { mixedWritesScenario } from './scenarios/mixed-writes';
import { SCENARIOS } from './scenarios/registry';
import { formatStartupTable, runStartupBench } from './scenarios/startup';

const CONNECTIONS = 10;
/** `--scenario province-anchor`: issue 19's anchors, with the 200-user mix that edits too. */
const PROVINCE_ANCHOR_SET = [...PROVINCE_ANCHOR, mixedWritesScenario.name];
const BENCH_PASSWORD = DEFAULT_DEMO_PASSWORD;

const USAGE = `usage: npm run bench -- [options]

  --scale small|zone|province   data size (default zone; see bench/README.md for the counts)
  --db sqlite|postgres|both     which databases to run on (default both; PostgreSQL at
                                LZ_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test,
                                in a database lz_bench_<scale> or LZ_BENCH_PG_DB)
  --scenario a,b                only these scenarios (default all): ${[...SCENARIOS.map((s) => s.name), 'extraction', 'startup'].join(', ')};
                                province-anchor = ${PROVINCE_ANCHOR_SET.join(', ')} (issue 19's anchors);
                                mixed-200-writes starts its own lianzhao serve processes (2 on
                                PostgreSQL, 1 on SQLite); issue 19 measures it with --duration 60
  --duration 10                 seconds per scenario and side (1..600)
  --seed 20261125               generator seed
  --read-workers 2              read worker threads of the app under test (0..8)
  --list-cache-mb 16            the app's kept project-list pages (LIANZHAO_LIST_CACHE_MB; 0 = off);
                                each list scenario prints how many pages were served again
  --help                        print this and exit
`;

function parseCli() {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      scale: { type: 'string', default: 'zone' },
      db: { type: 'string', default: 'both' },
      scenario: { type: 'string' },
      duration: { type: 'string', default: '10' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'read-workers': { type: 'string', default: '2' },
      'list-cache-mb': { type: 'string', default: String(DEFAULT_LIST_CACHE_MB) },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const scale = values.scale as ScaleName;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  if (!['sqlite', 'postgres', 'both'].includes(values.db))
    throw new Error('--db must be sqlite, postgres or both');
  const duration = Number(values.duration);
  if (!(duration > 0 && duration <= 600)) throw new Error('--duration must be 1..600 seconds');
  const wanted = values.scenario
    ?.split(',')
    .map((s) => s.trim())
    .flatMap((s) => (s === 'province-anchor' ? PROVINCE_ANCHOR_SET : [s]));
  const scenarios = wanted ? SCENARIOS.filter((s) => wanted.includes(s.name)) : [...SCENARIOS];
  // `extraction` (the news extractor's speed, in process) and `startup` (the built product started
  // from outside) need neither the generated data nor the app in process: not in the registry.
  const extraction = !wanted || wanted.includes('extraction');
  const startup = !wanted || wanted.includes('startup');
  const special = (wanted?.includes('extraction') ? 1 : 0) + (wanted?.includes('startup') ? 1 : 0);
  if (wanted && scenarios.length + special !== wanted.length) {
    throw new Error(
      `unknown scenario; known: ${[...SCENARIOS.map((s) => s.name), 'extraction', 'startup'].join(', ')}`,
    );
  }
  const readWorkers = Number(values['read-workers']);
  if (!(Number.isInteger(readWorkers) && readWorkers >= 0 && readWorkers <= 8)) {
    throw new Error('--read-workers must be 0..8');
  }
  const listCacheMb = Number(values['list-cache-mb']);
  if (!(Number.isInteger(listCacheMb) && listCacheMb >= 0))
    throw new Error('--list-cache-mb must be 0 or more');
  return {
    listCacheMb,
    scale,
    db: values.db,
    scenarios,
    extraction,
    startup,
    duration,
    seed: Number(values.seed),
    readWorkers,
  };
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_ADMIN, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lz_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0] ?? '';
}

async function benchOne(
  bench: BenchDb,
  generation: Generation,
  opts: ReturnType<typeof parseCli>,
): Promise<ScenarioResult[]> {
  const startedAt = Date.now();
  // The app lives in the generated world's time, so its sessions and audit rows sit after the data.
  const clock = { now: () => new Date(WORLD_NOW_MS + (Date.now() - startedAt)) };
  const app = await buildApp({
    db: bench.db,
    logger: false,
    clock,
    // As in production (main.ts): heavy reads in worker threads with their own connections.
    readWorkers: opts.readWorkers,
    config: {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: false,
      trustProxy: false,
      webDist: '/nonexistent',
      listCacheMb: opts.listCacheMb,
    },
  });
  const results: ScenarioResult[] = [];
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no listening address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const cookie = await login(baseUrl);
    const mib = () => process.memoryUsage().rss / 2 ** 20;
    const rssIdle = mib();
    const warmupSeconds = Math.min(2, Math.ceil(opts.duration / 5));
    for (const scenario of opts.scenarios) {
      const ctx = { db: bench.db, generation, rng: Rng.derive(opts.seed, `scenario:${scenario.name}`) };
      if (scenario.runApart) {
        const apart = {
          ...ctx,
          scale: opts.scale,
          seconds: opts.duration,
          warmupSeconds,
          now: clock.now,
          login,
        };
        const result = await scenario.runApart(apart);
        results.push(result);
        if (result.http.non2xx + result.http.errors > 0) process.exitCode = 1;
        console.log(formatTable([result]).split('\n').slice(2).join('\n'));
        continue;
      }
      const kept = app.listAnswers.stats();
      const prepared = await scenario.prepare(ctx);
      const connections = prepared.connections ?? CONNECTIONS;
      const seconds = Math.max(opts.duration, prepared.minSeconds ?? 0);
      const http = await runHttpLoad({
        baseUrl,
        cookie,
        paths: prepared.paths,
        connections,
        ...(prepared.timeoutSeconds ? { timeoutSeconds: prepared.timeoutSeconds } : {}),
        seconds,
        warmupSeconds,
        background: prepared.background ?? null,
      });
      const raw = prepared.rawOps ? await runRawLoad(bench.db, prepared.rawOps, seconds, connections) : null;
      const result: ScenarioResult = {
        scenario: scenario.name,
        db: bench.db.dialect,
        scale: opts.scale,
        seconds,
        connections,
        readWorkers: opts.readWorkers,
        http: http.main,
        background: http.background,
        raw,
        // A ratio over failed requests would flatter the API: none when any request failed.
        ratio: raw && http.main.non2xx + http.main.errors === 0 ? http.main.perSecond / raw.perSecond : null,
        eventLoop: http.eventLoop,
      };
      results.push(result);
      if (http.main.non2xx + http.main.errors > 0) process.exitCode = 1;
      console.log(formatTable([result]).split('\n').slice(2).join('\n'));
      const served = app.listAnswers.stats();
      const hits = served.hits - kept.hits;
      const misses = served.misses - kept.misses;
      if (hits + misses > 0) {
        // The HTTP side of a list scenario is partly answered from kept pages: say how much.
        console.log(
          `  ${scenario.name}: list pages kept (--list-cache-mb ${opts.listCacheMb}): ${hits} served again, ${misses} computed (${((100 * hits) / (hits + misses)).toFixed(1)} % kept)`,
        );
      }
    }
    // The app runs in this process (with its read workers and the load thread): a relative figure;
    // the built product's own idle RSS is the startup scenario's.
    const rssAfter = mib();
    await new Promise((r) => setTimeout(r, 5_000));
    console.log(
      `  RSS of the bench process (app in process) on ${bench.db.dialect}: idle ${rssIdle.toFixed(0)} MiB, after the scenarios ${rssAfter.toFixed(0)} MiB, 5 s later ${mib().toFixed(0)} MiB`,
    );
  } finally {
    await app.close();
    await removeRunLeftovers(bench.db);
    await bench.db.close();
  }
  return results;
}

async function main() {
  const opts = parseCli();
  const pgBase = process.env.LZ_BENCH_PG_URL ?? DEFAULT_PG_URL;
  console.log(
    `bench: scale ${opts.scale}, db ${opts.db}, ${opts.duration} s per run, ${CONNECTIONS} connections, ${opts.readWorkers} read workers, seed ${opts.seed}, ${os.cpus().length} CPUs, node ${process.version}`,
  );
  const generation = new Generation({
    seed: opts.seed,
    scale: opts.scale,
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  const extraction = opts.extraction ? runExtractionBench(Math.min(opts.duration, 5)) : [];
  if (extraction.length > 0)
    console.log(`\nNews extraction (in process, one thread):\n${formatExtractionTable(extraction)}\n`);
  const startup = opts.startup ? await runStartupBench(5) : null;
  if (startup)
    console.log(`\nStart-up of the built product (SQLite demo database):\n${formatStartupTable(startup)}\n`);
  const log = (line: string) => console.log(line);
  const all: ScenarioResult[] = [];
  const generationInfo: Record<string, BenchDb['tables']> = {};
  const skipped: string[] = [];
  const kinds = opts.db === 'both' ? (['sqlite', 'postgres'] as const) : ([opts.db] as const);
  for (const kind of opts.scenarios.length > 0 ? kinds : []) {
    let bench: BenchDb;
    const t0 = performance.now();
    if (kind === 'postgres') {
      const problem = await probePostgres(pgBase);
      if (problem) {
        const why = `PostgreSQL skipped: ${pgBase.replace(/\/\/[^@]*@/, '//…@')} is unreachable (${problem}); set LZ_BENCH_PG_URL`;
        console.log(why);
        skipped.push(why);
        continue;
      }
      console.log(`PostgreSQL: preparing ${process.env.LZ_BENCH_PG_DB ?? `lz_bench_${opts.scale}`}`);
      bench = await openBenchPostgres(pgBase, generation, log);
      // The figures depend on these: print them with the run (README: "PostgreSQL for a zone").
      const settings = await sql<{ name: string; setting: string; unit: string | null }>`
        select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem',
          'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather', 'max_connections')
        order by name`.execute(bench.db.kysely);
      console.log(
        `  settings: ${settings.rows.map((r) => `${r.name}=${r.setting}${r.unit ? ` ${r.unit}` : ''}`).join(', ')}`,
      );
    } else {
      console.log(`SQLite: preparing ${BENCH_DIR}/lz-${opts.scale}.sqlite`);
      bench = await openBenchSqlite(generation, log);
    }
    const fresh = bench.tables.filter((t) => !t.cached);
    console.log(
      fresh.length === 0
        ? `  data reused from cache (${((performance.now() - t0) / 1000).toFixed(1)} s to open)`
        : `  generation time: ${bench.generationSeconds.toFixed(1)} s (${fresh.map((t) => t.table).join(', ')})`,
    );
    generationInfo[kind] = bench.tables;
    console.log(formatTable([]).split('\n').slice(0, 2).join('\n'));
    all.push(...(await benchOne(bench, generation, opts)));
  }
  console.log(`\nResults (${opts.duration} s each, concurrency ${CONNECTIONS}; latencies in ms):\n`);
  console.log(formatTable(all));
  const file = writeResults(BENCH_DIR, {
    at: new Date().toISOString(),
    generatorVersion: GENERATOR_VERSION,
    seed: opts.seed,
    scale: opts.scale,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version },
    generation: generationInfo,
    skipped,
    results: all,
    extraction,
    startup,
  });
  console.log(`\nwritten ${file}`);
}

main().catch((err: unknown) => {
  // A mistyped option prints the usage rather than a stack.
  if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
