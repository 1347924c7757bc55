import type { Db } from '../../server/src/db/connect';
import type { Generation } from '../generate/context';
import type { Rng } from '../generate/prng';
import type { ScenarioResult } from '../lib/report';

/** One SQL statement with its parameters, in the dialect of the database it was captured on. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

export interface ScenarioContext {
  db: Db;
  generation: Generation;
  /** The scenario's own random stream (parameters vary, but the same way on every run). */
  rng: Rng;
}

export interface PreparedScenario {
  /** GET paths (with query) that the HTTP run rotates through, as the signed-in admin. */
  paths: string[];
  /** Extra load running beside the measured one (e.g. one stream of slow requests); reported apart. */
  background?: { paths: string[]; connections: number };
  /**
   * The same work as one HTTP request, as raw SQL: each op is the statements one request runs
   * (run together, as the repository does). The raw run rotates through the ops. Omit for HTTP-only.
   */
  rawOps?: Statement[][];
  /**
   * Clients for this scenario (default 10, the bench's concurrency) and their request timeout: a
   * report is a job a few people start, not a stream; ten at once would only measure the queue.
   */
  connections?: number;
  timeoutSeconds?: number;
  /** At least this many measured seconds (a slow request needs a longer window to be counted). */
  minSeconds?: number;
}

/** What a scenario that runs its own load (`runApart`) gets from the bench. */
export interface ApartContext extends ScenarioContext {
  scale: string;
  /** Measured seconds (after a warm-up of `warmupSeconds`). */
  seconds: number;
  warmupSeconds: number;
  /** The bench's clock: the generated world's time, so what the app writes sits after the data. */
  now(): Date;
  /** Signs the bench admin in on an app at `baseUrl`; returns the session cookie (name=value). */
  login(baseUrl: string): Promise<string>;
}

export interface Scenario {
  name: string;
  description: string;
  prepare(ctx: ScenarioContext): Promise<PreparedScenario>;
  /**
   * For a load that the in-process app and autocannon cannot give (several app processes, edits
   * that depend on what a read returned): the scenario starts its app(s), loads them and reports
   * itself; `prepare` then only serves tools that read the paths (explain.ts).
   */
  runApart?(ctx: ApartContext): Promise<ScenarioResult>;
}
