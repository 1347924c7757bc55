import type { Kysely, Transaction } from 'kysely';
import { CHAIN_LIMITS } from '../../../../shared/src/chain';
import type { RecordLink } from '../../../../shared/src/contract/record-link';
import type { Database } from '../../db/database';
import { errors } from '../../plugins/errors';

/**
 * The chain link (产业链环节) a firm, lead or project is attached to, as the pipeline shows it:
 * "宠物产业链 › 宠物食品". Shared by the firm, lead and project presenters, their create/update checks
 * and their `linkId` list filters (issue 4: a picker replaces the pipeline's free-text chain).
 */

type Q = Kysely<Database> | Transaction<Database>;

// The contract (shared/src/contract/record-link.ts); re-exported for the presenters that embed it.
export { type RecordLink, recordLinkSchema } from '../../../../shared/src/contract/record-link';

/** Links by id with their chain's name, for presenting a page of records in one query. */
export async function linkDisplays(
  db: Q,
  ids: ReadonlyArray<string | null | undefined>,
): Promise<Map<string, RecordLink>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('chain_link as l')
    .innerJoin('chain as c', 'c.id', 'l.chain_id')
    .select(['l.id', 'l.name', 'l.chain_id', 'c.name as chain_name'])
    .where('l.id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, chainId: r.chain_id, chainName: r.chain_name }]),
  );
}

/** A `linkId` in a create or update body must name an existing link: 400 on field `linkId` otherwise. */
export async function assertLinkExists(db: Q, linkId: string | null | undefined): Promise<void> {
  if (!linkId) return;
  const found = await db.selectFrom('chain_link').select('id').where('id', '=', linkId).executeTakeFirst();
  if (!found) {
    throw errors.validation([
      {
        path: 'linkId',
        message: {
          zh: '所选产业链环节不存在（可能已被删除）',
          en: 'No such chain link (it may have been deleted)',
        },
      },
    ]);
  }
}

/**
 * Ids of a link and every link beneath it, as a subquery: filtering by 宠物食品 also finds records on
 * 主粮 under it, the way the chain map counts them. Links nest at most CHAIN_LIMITS.maxDepth levels,
 * so a fixed number of parent steps covers any subtree without a recursive query (same SQL on both
 * databases).
 */
export function linkSubtreeIds(db: Q, linkId: string) {
  // level 0 is the link itself; level n is the children of level n-1. Nested subqueries may reuse
  // one alias: each opens its own scope, and none refers to an outer one.
  let level = db.selectFrom('chain_link as s').select('s.id').where('s.id', '=', linkId);
  let all = level;
  for (let depth = 1; depth < CHAIN_LIMITS.maxDepth; depth++) {
    level = db.selectFrom('chain_link as s').select('s.id').where('s.parent_id', 'in', level);
    all = all.union(level);
  }
  return all;
}

/** A project signed from a lead takes the lead's link (part of creating it: no version bump). */
export async function inheritLink(db: Q, projectId: string, linkId: string | null): Promise<void> {
  if (!linkId) return;
  await db.updateTable('project').set({ link_id: linkId }).where('id', '=', projectId).execute();
}
