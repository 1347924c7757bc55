import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, ImportJobTable, LeadTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Rows per multi-row INSERT and per IN (…) list. 500 × the widest table (firm, ~25 columns) is
 * 12,500 parameters: below SQLite's 32,766 and PostgreSQL's 65,535, and big enough that the
 * statement overhead is negligible.
 */
export const BATCH = 500;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<T, R>(items: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(items)];
  const out: R[] = [];
  for (const c of chunks(unique)) out.push(...(await run(c)));
  return out;
}

// ---- jobs -----------------------------------------------------------------------------------------

export async function insertJob(db: Q, row: ImportJobTable): Promise<void> {
  await db.insertInto('import_job').values(row).execute();
}

export async function updateJob(db: Q, id: string, patch: Updateable<ImportJobTable>): Promise<void> {
  await db.updateTable('import_job').set(patch).where('id', '=', id).execute();
}

/** What a takeover of a job compares: the job is changed only if it still is as it was seen. */
export type SeenJob = Pick<ImportJobTable, 'status' | 'owner_instance' | 'heartbeat_at'>;

/**
 * Updates a job only if its status, owner and heartbeat are still those seen: of two processes
 * taking over one job (a resume, a starting server) one wins, and a live owner's fresh heartbeat
 * keeps its job.
 */
export async function updateJobIfUnchanged(
  db: Q,
  id: string,
  seen: SeenJob,
  patch: Updateable<ImportJobTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('import_job')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', seen.status)
    .where((eb) =>
      eb.and([
        seen.owner_instance === null
          ? eb('owner_instance', 'is', null)
          : eb('owner_instance', '=', seen.owner_instance),
        seen.heartbeat_at === null
          ? eb('heartbeat_at', 'is', null)
          : eb('heartbeat_at', '=', seen.heartbeat_at),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every running job with its owner, and whether it is a bulk import (resumable). */
export function runningJobs(db: Q) {
  return db
    .selectFrom('import_job as j')
    .leftJoin('import_bulk as b', 'b.job_id', 'j.id')
    .select([
      'j.id',
      'j.kind',
      'j.status',
      'j.owner_host',
      'j.owner_pid',
      'j.owner_instance',
      'j.heartbeat_at',
      'j.updated_at',
      'b.job_id as bulk_job_id',
    ])
    .where('j.status', '=', 'running')
    .execute();
}

/** A job without its error file (progress polling must stay cheap). */
export function findJob(db: Q, id: string) {
  return db
    .selectFrom('import_job')
    .select([
      'id',
      'kind',
      'status',
      'file_name',
      'total',
      'processed',
      'created',
      'updated',
      'unchanged',
      'error_count',
      'message',
      'actor_id',
      'actor_name',
      'created_at',
      'updated_at',
      'finished_at',
      'owner_host',
      'owner_pid',
      'owner_instance',
      'heartbeat_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findJobErrorFile(db: Q, id: string) {
  return db
    .selectFrom('import_job')
    .select(['actor_id', 'error_file'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- look-ups for matching and references --------------------------------------------------------

/** Every firm column but the long derived search text (matching 50k rows must not drag it along). */
const FIRM_COLUMNS = [
  'id',
  'name',
  'name_norm',
  'short_name',
  'aliases_json',
  'english_name',
  'uscc',
  'region',
  'industry_code',
  'registered_capital',
  'size_class',
  'listed_exchange',
  'listed_code',
  'parent_group',
  'is_local',
  'business_scope',
  'chain_link',
  'link_id',
  'contacts_json',
  'tags_json',
  'note',
  'is_sample',
  'version',
  'created_at',
  'updated_at',
] as const;

export function firmsByUscc(db: Q, usccs: readonly string[]) {
  return inChunks(usccs, (c) => db.selectFrom('firm').select(FIRM_COLUMNS).where('uscc', 'in', c).execute());
}

export function firmsByNameNorm(db: Q, norms: readonly string[]) {
  return inChunks(norms, (c) =>
    db.selectFrom('firm').select(FIRM_COLUMNS).where('name_norm', 'in', c).execute(),
  );
}

/** Firms referenced from a lead or project row: by USCC, exact name or normalised name. */
export function firmRefs(db: Q, f: { usccs: string[]; names: string[]; norms: string[] }) {
  const cols = ['id', 'name', 'uscc', 'name_norm'] as const;
  return Promise.all([
    inChunks(f.usccs, (c) => db.selectFrom('firm').select(cols).where('uscc', 'in', c).execute()),
    inChunks(f.names, (c) => db.selectFrom('firm').select(cols).where('name', 'in', c).execute()),
    inChunks(f.norms, (c) => db.selectFrom('firm').select(cols).where('name_norm', 'in', c).execute()),
  ]);
}

/** Every chain link of the zone with its chain's name: a zone has a few hundred at most. */
export function allLinks(db: Q) {
  return db
    .selectFrom('chain_link as l')
    .innerJoin('chain as c', 'c.id', 'l.chain_id')
    .select(['l.id', 'l.name', 'l.parent_id', 'c.name as chain_name'])
    .execute();
}

export function usersByUsername(db: Q, usernames: readonly string[]) {
  return inChunks(usernames, (c) =>
    db.selectFrom('app_user').select(['id', 'username', 'role']).where('username', 'in', c).execute(),
  );
}

/** Users by the name the lists and exports show (招商专员, 负责人): not unique, the caller checks. */
export function usersByDisplayName(db: Q, names: readonly string[]) {
  return inChunks(names, (c) =>
    db.selectFrom('app_user').select(['id', 'display_name']).where('display_name', 'in', c).execute(),
  );
}

export function leadsByCode(db: Q, codes: readonly string[]) {
  return inChunks(codes, (c) => db.selectFrom('lead').selectAll().where('code', 'in', c).execute());
}

export function leadsByTitle(db: Q, titles: readonly string[]) {
  return inChunks(titles, (c) => db.selectFrom('lead').selectAll().where('title', 'in', c).execute());
}

export function projectsByCode(db: Q, codes: readonly string[]) {
  return inChunks(codes, (c) => db.selectFrom('project').selectAll().where('code', 'in', c).execute());
}

export function projectsByName(db: Q, names: readonly string[]) {
  return inChunks(names, (c) => db.selectFrom('project').selectAll().where('name', 'in', c).execute());
}

export function investorsOfProjects(db: Q, ids: readonly string[]) {
  return inChunks(ids, (c) =>
    db
      .selectFrom('project_investor')
      .select(['project_id', 'firm_id', 'share_pct'])
      .where('project_id', 'in', c)
      .orderBy('position')
      .execute(),
  );
}

// ---- bulk writes ----------------------------------------------------------------------------------

/**
 * Bulk inserts in batches; between batches the event loop gets a turn (better-sqlite3 is
 * synchronous: without it a 50k-row write would hold every other request for its whole length).
 */
export async function insertFirms(trx: Q, rows: readonly Insertable<Database['firm']>[]): Promise<void> {
  for (const c of chunks(rows)) {
    await trx.insertInto('firm').values(c).execute();
    await yieldToLoop();
  }
}

export async function insertLeads(trx: Q, rows: readonly Insertable<Database['lead']>[]): Promise<void> {
  for (const c of chunks(rows)) {
    await trx.insertInto('lead').values(c).execute();
    await yieldToLoop();
  }
}

export type LeadFull = LeadTable;
