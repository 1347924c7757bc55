import { type Expression, type Kysely, PostgresAdapter, type SqlBool, sql } from 'kysely';
import type { DialectName } from './connect';

/**
 * Every piece of SQL that differs between SQLite and PostgreSQL lives in this file (STYLE.md #7).
 *
 * Chinese full-text search. Chinese has no spaces, so word tokenizers do not help; both databases
 * search a denormalised, lower-cased `search_text` column (name, aliases, firm names, chain link,
 * park, product …) for substrings, through a trigram index:
 * - SQLite: an FTS5 table with the trigram tokenizer (external content, kept in sync by triggers);
 * - PostgreSQL: a pg_trgm GIN index on `search_text`, queried with LIKE. Without pg_trgm (a
 *   managed or domestic database that lacks it) the same LIKE runs unindexed: slower, never wrong.
 * Trigrams cannot answer the two-character queries people type most (宠物, 乖宝). So `search_text`
 * ends with the record's bigrams, each written as ` 乖宝|`: on SQLite `乖宝|` is itself a trigram
 * (FTS5 finds it), on PostgreSQL `% 乖宝|%` is a whole word to pg_trgm (its index finds it). A
 * longer term never matches inside that tail, because terms hold no spaces and no `|`. One-character
 * terms fall back to a scan.
 */

/** Ends each bigram in the tail of `search_text` (stripped from text and queries). */
const GRAM_MARK = '|';

/** Tables that carry a `search_text` column and, on SQLite, a `<table>_fts` shadow. */
export const SEARCHABLE_TABLES = ['firm', 'lead', 'project'] as const;
export type SearchableTable = (typeof SEARCHABLE_TABLES)[number];

// biome-ignore lint/suspicious/noExplicitAny: migrations and helpers run on any schema
type AnyDb = Kysely<any>;

/** Which dialect a Kysely instance (or a migration's transaction) speaks. */
export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * What `search_text` holds and what queries are compared with: NFKC (full-width to half-width),
 * lower case, runs of spaces collapsed.
 */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll(GRAM_MARK, ' ').replace(/\s+/g, ' ').trim();
}

/** The denormalised text a record is found by (nulls and empties skipped), then its bigrams. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  const text = normaliseSearch(parts.filter((p): p is string => !!p && p.trim() !== '').join(' '));
  const grams = new Set<string>();
  for (const word of text.split(' ')) {
    const chars = [...word];
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  }
  return grams.size === 0 ? text : `${text} ${[...grams].map((g) => `${g}${GRAM_MARK}`).join(' ')}`;
}

/** Query terms: whitespace-separated, each must match (AND). At most 8, each at most 64 chars. */
export function searchTerms(q: string): string[] {
  return normaliseSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => t.slice(0, 64));
}

function escapeLike(term: string): string {
  return term.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** FTS5 phrase: the term in double quotes (doubled inside), so operators in input are literal. */
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * A WHERE condition: the row of `table` (aliased as `table` in the query) matches every term of `q`.
 * Returns null for an empty query.
 */
export function searchCondition(
  dialect: DialectName,
  table: SearchableTable,
  q: string | undefined,
): Expression<SqlBool> | null {
  const terms = q ? searchTerms(q) : [];
  if (terms.length === 0) return null;
  const column = sql.ref(`${table}.search_text`);
  const parts = terms.map((term) => {
    const length = [...term].length;
    if (dialect === 'sqlite' && length >= 2) {
      const phrase = ftsPhrase(length === 2 ? `${term}${GRAM_MARK}` : term);
      // Unary + keeps SQLite from fetching every match by rowid and sorting it: it walks the
      // list's own index (already in page order) and probes the match set instead, which stays a
      // few milliseconds at 100k rows whether the term is rare (乖宝) or common (宠物).
      return sql<SqlBool>`+${sql.ref(`${table}.rowid`)} in (select rowid from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${phrase})`;
    }
    const pattern = length === 2 ? `% ${escapeLike(term)}${GRAM_MARK}%` : `%${escapeLike(term)}%`;
    return sql<SqlBool>`${column} like ${pattern} escape '\\'`;
  });
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

type IdRow = { id: string };

/**
 * Ids of at most `limit` rows of `table` whose search text contains one term (no ranking: any
 * `limit` matches). The chain target prefilter (issue 4) uses it to take a bounded candidate set for
 * a keyword: on SQLite the FTS5 scan stops after `limit` rowids, on PostgreSQL the trigram (or
 * plain) LIKE scan stops at the LIMIT. `extra` narrows further (e.g. external firms only), applied
 * before the limit on PostgreSQL and after it on SQLite.
 */
export function searchIdsLimited(
  db: AnyDb,
  table: SearchableTable,
  term: string,
  limit: number,
  extra: Expression<SqlBool> | null = null,
) {
  const t = normaliseSearch(term).replaceAll(' ', '');
  const id = sql.ref(`${table}.id`);
  const from = sql.table(table);
  const and = extra ? sql` and ${extra}` : sql``;
  const length = [...t].length;
  if (dialectOf(db) === 'sqlite' && length >= 2) {
    const phrase = ftsPhrase(length === 2 ? `${t}${GRAM_MARK}` : t);
    const fts = sql.table(`${table}_fts`);
    const matches = sql`select rowid from ${fts} where ${fts} match ${phrase} limit ${limit}`;
    return sql<IdRow>`select ${id} as id from ${from} where ${sql.ref(`${table}.rowid`)} in (${matches})${and}`;
  }
  const pattern = length === 2 ? `% ${escapeLike(t)}${GRAM_MARK}%` : `%${escapeLike(t)}%`;
  const like = sql`${sql.ref(`${table}.search_text`)} like ${pattern} escape '\\'`;
  return sql<IdRow>`select ${id} as id from ${from} where ${like}${and} limit ${limit}`;
}

/** The SQLite trigger that indexes each inserted row (suspended by withBatchedSearchIndex). */
function ftsInsertTrigger(table: SearchableTable): string {
  return `create trigger ${table}_fts_ai after insert on ${table} begin insert into ${table}_fts(rowid, search_text) values (new.rowid, new.search_text); end`;
}

/**
 * Runs `write` (inserts into `table`, inside the caller's transaction) without the per-row search
 * upkeep, for bulk imports. SQLite: the FTS insert trigger is dropped, the rows inserted by `write`
 * (rowids above the previous maximum) are indexed in one INSERT…SELECT, and the trigger is put
 * back. DDL is transactional in SQLite, so a rollback restores the trigger, and no other writer can
 * insert in the gap because the write transaction holds the database. The update and delete
 * triggers stay: updated rows are kept in sync as usual. PostgreSQL: the search text is a column
 * the INSERT itself sets and the GIN index takes it in the same statement, so nothing to suspend.
 */
export async function withBatchedSearchIndex<T>(
  trx: AnyDb,
  table: SearchableTable,
  write: () => Promise<T>,
): Promise<T> {
  if (dialectOf(trx) !== 'sqlite') return write();
  const top = await sql<{ m: number | null }>`select max(rowid) as m from ${sql.table(table)}`.execute(trx);
  const from = Number(top.rows[0]?.m ?? 0);
  await sql.raw(`drop trigger ${table}_fts_ai`).execute(trx);
  const out = await write();
  await sql`insert into ${sql.table(`${table}_fts`)}(rowid, search_text) select rowid, search_text from ${sql.table(table)} where rowid > ${from}`.execute(
    trx,
  );
  await sql.raw(ftsInsertTrigger(table)).execute(trx);
  return out;
}

/**
 * Runs `work` with SQLite's page cache raised to `mb` MB on this connection, then puts the previous
 * size back. A bulk load inserts into several indexes of a growing table (firm: USCC, name, dates,
 * search; audit_log): with the default 2 MB cache most index pages are fetched again for every
 * batch. Measured on the bulk firm import at 200k rows: 3,821 rows/s with the default cache,
 * 4,987 with 256 MB (the caller uses 128 MB, to stay modest in memory). PostgreSQL sizes its shared
 * buffers server-wide: nothing to do.
 */
export async function withLargePageCache<T>(db: AnyDb, mb: number, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return work();
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const previous = Number(before.rows[0]?.cache_size ?? -2000);
  await sql.raw(`pragma cache_size = ${-Math.round(mb * 1024)}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma cache_size = ${previous}`).execute(db);
  }
}

/** Creates the search index of `table` (called by the pipeline migration after the table exists). */
export async function createSearchIndex(db: AnyDb, table: SearchableTable): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    const fts = `${table}_fts`;
    await sql
      .raw(
        `create virtual table ${fts} using fts5(search_text, content='${table}', content_rowid='rowid', tokenize='trigram')`,
      )
      .execute(db);
    await sql.raw(ftsInsertTrigger(table)).execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_ad after delete on ${table} begin insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fts_au after update of search_text on ${table} begin insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text); insert into ${fts}(rowid, search_text) values (new.rowid, new.search_text); end`,
      )
      .execute(db);
    return;
  }
  if (await ensurePgTrgm(db)) {
    await sql
      .raw(`create index ${table}_search_trgm_idx on ${table} using gin (search_text gin_trgm_ops)`)
      .execute(db);
  }
}

export async function dropSearchIndex(db: AnyDb, table: SearchableTable): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists ${table}_fts_${t}`).execute(db);
    await sql.raw(`drop table if exists ${table}_fts`).execute(db);
    return;
  }
  await sql.raw(`drop index if exists ${table}_search_trgm_idx`).execute(db);
}

/**
 * Installs pg_trgm if it is available and we may (it is a trusted extension since PostgreSQL 13,
 * so a database owner can). The migration runs in a transaction, so a refusal is contained in a
 * savepoint; without the extension, search falls back to unindexed LIKE.
 */
async function ensurePgTrgm(db: AnyDb): Promise<boolean> {
  const available = await sql<{
    n: number;
  }>`select count(*) as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (Number(available.rows[0]?.n ?? 0) === 0) return false;
  await sql`savepoint lz_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint lz_trgm`.execute(db);
    return true;
  } catch {
    await sql`rollback to savepoint lz_trgm`.execute(db);
    return false;
  }
}

/**
 * SQLite's FTS5 shadow is keyed by the base table's rowid. Online backups keep rowids, but a
 * manual VACUUM may renumber them: run this afterwards (the CLI can call it) to rebuild the index.
 */
export async function rebuildSearchIndexes(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  for (const t of SEARCHABLE_TABLES) {
    await sql.raw(`insert into ${t}_fts(${t}_fts) values ('rebuild')`).execute(db);
  }
}

/**
 * The app_user.firm_id foreign key. PostgreSQL can add it to the existing table; SQLite cannot add
 * a constraint without rebuilding the table, so there the user service checks the firm exists.
 */
export async function addUserFirmForeignKey(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.schema
    .alterTable('app_user')
    .addForeignKeyConstraint('app_user_firm_fk', ['firm_id'], 'firm', ['id'])
    .execute();
}

export async function dropUserFirmForeignKey(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await db.schema.alterTable('app_user').dropConstraint('app_user_firm_fk').ifExists().execute();
}

/**
 * ORDER BY with NULLs sorting as the smallest value on both databases (SQLite's native rule; an
 * unknown amount goes last in a "biggest first" list). PostgreSQL needs it spelled out.
 */
export function orderNullsLow(dialect: DialectName, column: string, direction: 'asc' | 'desc') {
  const ref = sql.ref(column);
  if (dialect === 'sqlite') return direction === 'asc' ? sql`${ref} asc` : sql`${ref} desc`;
  return direction === 'asc' ? sql`${ref} asc nulls first` : sql`${ref} desc nulls last`;
}

/** ORDER BY with NULLs last in both directions (a lead without a next-step date is not urgent). */
export function orderNullsLast(dialect: DialectName, column: string, direction: 'asc' | 'desc') {
  const ref = sql.ref(column);
  if (dialect === 'sqlite' && direction === 'desc') return sql`${ref} desc`;
  return direction === 'asc' ? sql`${ref} asc nulls last` : sql`${ref} desc nulls last`;
}

/**
 * An index whose `sortColumn` orders NULLs as smallest (see orderNullsLow), so "desc nulls last"
 * reads it backwards without a sort on PostgreSQL too. `id` is appended as the tie-breaker.
 */
export async function createSortIndex(
  db: AnyDb,
  name: string,
  table: string,
  prefix: readonly string[],
  sortColumn: string,
): Promise<void> {
  const sortPart = dialectOf(db) === 'postgres' ? `${sortColumn} asc nulls first` : sortColumn;
  const cols = [...prefix, sortPart, 'id'].join(', ');
  await sql.raw(`create index ${name} on ${table} (${cols})`).execute(db);
}

/**
 * JSON written by SQL (the 招商地图's plot features, issue 18, decision 016): a text as a JSON
 * string or a double as a JSON number, and the rows' texts joined by commas in one value. SQLite's
 * plain text cast of a double keeps 15 digits; `json_quote` keeps the 17 a round trip needs, as
 * PostgreSQL's float8 output does.
 */
export function jsonValueSql(dialect: DialectName, value: Expression<string | number>) {
  return dialect === 'postgres' ? sql<string>`to_json(${value})::text` : sql<string>`json_quote(${value})`;
}

/** The texts of a group joined by commas (null for no rows), in the order the rows come. */
export function joinedTextSql(dialect: DialectName, value: Expression<string | null>) {
  return dialect === 'postgres'
    ? sql<string | null>`string_agg(${value}, ',')`
    : sql<string | null>`group_concat(${value}, ',')`;
}

/**
 * As `joinedTextSql`, for a text that goes out as it is: SQLite hands it over as UTF-8 bytes (a
 * blob), skipping a decode into a string and the encode back (~4 ms for 2 MB); pg has no way to
 * hand over a text column's bytes, so on PostgreSQL it stays text.
 */
export function joinedBytesSql(dialect: DialectName, value: Expression<string | null>) {
  return dialect === 'postgres'
    ? sql<string | Buffer | null>`string_agg(${value}, ',')`
    : sql<string | Buffer | null>`cast(group_concat(${value}, ',') as blob)`;
}

/**
 * Rewrites `project.investors_json` (migration 20261206_0030) from project_investor ⨝ firm, for the
 * projects whose ids `projectIds` selects (a subquery or a list), or every project when omitted:
 * `[{"firmId","firmName","sharePct"}]` in position order, `[]` without investors. One statement per
 * batch on both databases (json_agg / json_group_array), so a firm rename touching thousands of
 * projects stays one write.
 */
export function rebuildInvestorsJson(
  db: AnyDb,
  projectIds?: readonly string[] | Expression<unknown>,
): Promise<unknown> {
  const aggregate =
    dialectOf(db) === 'postgres'
      ? sql`select json_agg(json_build_object('firmId', i.firm_id, 'firmName', f.name, 'sharePct', i.share_pct)
              order by i.position)::text
            from project_investor i join firm f on f.id = i.firm_id where i.project_id = project.id`
      : sql`select json_group_array(json(o)) from (
              select json_object('firmId', i.firm_id, 'firmName', f.name, 'sharePct', i.share_pct) as o
              from project_investor i join firm f on f.id = i.firm_id
              where i.project_id = project.id order by i.position)`;
  const which =
    projectIds === undefined
      ? sql``
      : Array.isArray(projectIds)
        ? sql`where project.id in (${sql.join(projectIds)})`
        : sql`where project.id in (${projectIds as Expression<unknown>})`;
  return sql`update project set investors_json = coalesce((${aggregate}), '[]') ${which}`.execute(db);
}
