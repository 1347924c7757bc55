import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database';

/**
 * The park/chain scope that the cockpit (驾驶舱), the warnings (预警) and the project list share: a
 * figure counted in a scope and the list opened from it read the same projects. Neutral ground
 * below both cockpit/ and warning/, so neither imports the other for it.
 */
export interface ProjectScope {
  park?: string | undefined;
  chainId?: string | undefined;
}

/** The scope's query parameters, the same on `/api/cockpit` and `/api/warnings`. */
export const scopeFilters = {
  park: z.string().max(200).optional(),
  chain: z.string().max(64).optional(),
};

/** The links of a chain: a project is on the chain when its link is one of them (as on the project list). */
export function chainLinkIds(db: Kysely<Database>, chainId: string) {
  return db.selectFrom('chain_link').select('chain_link.id').where('chain_link.chain_id', '=', chainId);
}

/**
 * The chain's link ids themselves, for a roll-up read: named in its statement, PostgreSQL reads the
 * links' key ranges, where with the subquery it hash-joined the whole roll-up table (a chain's late
 * count at 1M projects: 13 → 5 ms; its stuck count: 236 → 40 ms).
 */
export async function chainLinkIdList(db: Kysely<Database>, chainId: string): Promise<string[]> {
  return (await chainLinkIds(db, chainId).execute()).map((r) => r.id);
}

/**
 * Projects in the scope (park, chain) — the same WHERE as the project list's park/chainId filters.
 * `chainOffIndex`: match the chain by `link_id || ''`, which keeps SQLite's and PostgreSQL's planners
 * off the link index, for a read that walks another index in its own order and stops early (the
 * largest projects: a chain holds a sixth of them, so the top 10 are among the first ~60 of the zone;
 * through the link index it read and sorted all 166,000 of a chain at 1M projects, 380 ms).
 */
export function scopedProjects(
  db: Kysely<Database>,
  s: ProjectScope,
  opts: { chainOffIndex?: boolean } = {},
): SelectQueryBuilder<Database, 'project', object> {
  let q = db.selectFrom('project');
  if (s.park) q = q.where('project.park', '=', s.park);
  if (s.chainId) {
    const chainId = s.chainId;
    const link = opts.chainOffIndex
      ? sql<string>`${sql.ref('project.link_id')} || ''`
      : sql.ref('project.link_id');
    q = q.where(link, 'in', chainLinkIds(db, chainId));
  }
  return q;
}

/** The scope's choices (the cockpit's and the warnings' filters): parks that have projects, and the chains. */
export async function scopeFilterOptions(db: Kysely<Database>) {
  // From the roll-up: a park whose projects are all gone has a row at zero.
  const parks = await db
    .selectFrom('project_rollup')
    .select('park')
    .where('park', '<>', '')
    .groupBy('park')
    .having((eb) => eb.fn.sum('projects'), '>', 0)
    .orderBy('park')
    .execute();
  return { parks: parks.map((p) => p.park as string), chains: await chainChoices(db) };
}

/** The zone's chains as filters offer them: id and name, in the chains' own order. */
export function chainChoices(db: Kysely<Database>): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('chain').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute();
}
