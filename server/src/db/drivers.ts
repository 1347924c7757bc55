import { createRequire } from 'node:module';

/**
 * The two database drivers, loaded when first used: a process on SQLite never loads pg, one on
 * PostgreSQL never loads better-sqlite3 (each is ~100 ms and several MB at start-up, issue 19).
 * Both are CommonJS packages, so a synchronous require keeps the callers synchronous.
 */
const requireLazily = createRequire(import.meta.url);

type PgModule = typeof import('pg');
let pgModule: PgModule | null = null;

export function loadPg(): PgModule {
  if (!pgModule) {
    pgModule = requireLazily('pg') as PgModule;
    // PostgreSQL returns int8 (count(*), bigint money) as strings; every amount we store fits in 2^53.
    pgModule.types.setTypeParser(20, (v) => Number(v));
    pgModule.types.setTypeParser(1700, (v) => Number(v));
  }
  return pgModule;
}

export function loadSqlite(): typeof import('better-sqlite3') {
  return requireLazily('better-sqlite3') as typeof import('better-sqlite3');
}
