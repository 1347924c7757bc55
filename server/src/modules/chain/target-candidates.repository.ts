import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import { dialectOf, orderNullsLow, searchIdsLimited } from '../../db/dialect-sql';

/**
 * The target prefilter's SQL (read tasks): a bounded set of candidate firms from indexes, their
 * rows and their ties to local firms, and the open leads already aimed at them.
 */
type Db = Kysely<Database>;

const OPEN_LEAD_EXCLUDED = ['signed', 'lost'] as const;

export interface CandidateQuery {
  /** Exact industry codes (a link's codes with their listed sub-codes). */
  codes: string[];
  keywords: string[];
  /** Local chain leaders, and local firms on the link: their partners are candidates (以商招商). */
  leaderIds: string[];
  linkFirmIds: string[];
  perCode: number;
  /** Stop taking code candidates past this many (a division code expands to many classes). */
  codeBudget: number;
  perKeyword: number;
  /** Relations read from the leaders (each direction), and from the link's firms. */
  perLeaders: number;
  perLinkFirms: number;
}

/**
 * The bounded candidate set: for each code the biggest external firms (read in index order from
 * firm_industry_capital_idx), for each keyword the first external firms whose search text has it,
 * and partners of the leaders and of the link's local firms (firm_relation indexes, with a limit).
 * Never a scan of the firm table; at most codeBudget + keywords × perKeyword + 2 × (perLeaders +
 * perLinkFirms) ids.
 */
export async function candidateIds(db: Db, q: CandidateQuery): Promise<string[]> {
  const ids = new Set<string>();
  const dialect = dialectOf(db);
  for (const code of q.codes) {
    if (ids.size >= q.codeBudget) break;
    const rows = await db
      .selectFrom('firm')
      .select('id')
      .where('industry_code', '=', code)
      .where('is_local', '=', 0)
      .orderBy(orderNullsLow(dialect, 'registered_capital', 'desc'))
      .orderBy('id', 'desc')
      .limit(q.perCode)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  for (const kw of q.keywords) {
    const res = await searchIdsLimited(db, 'firm', kw, q.perKeyword, sql`is_local = 0`).execute(db);
    for (const r of res.rows) ids.add(r.id);
  }
  const partners = async (anchors: string[], limit: number) => {
    if (anchors.length === 0) return;
    const from = await db
      .selectFrom('firm_relation')
      .select('to_firm_id as id')
      .where('from_firm_id', 'in', anchors)
      .limit(limit)
      .execute();
    const to = await db
      .selectFrom('firm_relation')
      .select('from_firm_id as id')
      .where('to_firm_id', 'in', anchors)
      .limit(limit)
      .execute();
    for (const r of [...from, ...to]) ids.add(r.id);
  };
  await partners(q.leaderIds, q.perLeaders);
  await partners(q.linkFirmIds, q.perLinkFirms);
  for (const a of [...q.leaderIds, ...q.linkFirmIds]) ids.delete(a);
  return [...ids];
}

/** The candidates' rows (external firms only) and their relations with local firms. */
export async function candidateDetails(db: Db, ids: readonly string[]) {
  const firms = [];
  const relations: Array<{
    id: string;
    kind: string;
    from_firm_id: string;
    to_firm_id: string;
    local_id: string;
    local_name: string;
    local_link_id: string | null;
    candidate_name: string;
  }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    firms.push(
      ...(await db
        .selectFrom('firm')
        .select([
          'id',
          'name',
          'industry_code',
          'business_scope',
          'tags_json',
          'note',
          'size_class',
          'registered_capital',
          'listed_code',
          'listed_exchange',
          'region',
          'is_sample',
        ])
        .where('id', 'in', chunk)
        .where('is_local', '=', 0)
        .execute()),
    );
    // Relations of the candidates, then which other ends are local: plain index lookups (a join
    // over a long IN list makes PostgreSQL plan a parallel bitmap scan).
    const edges = [
      ...(await db
        .selectFrom('firm_relation')
        .select(['id', 'kind', 'from_firm_id', 'to_firm_id'])
        .where('from_firm_id', 'in', chunk)
        .limit(5000)
        .execute()),
      ...(await db
        .selectFrom('firm_relation')
        .select(['id', 'kind', 'from_firm_id', 'to_firm_id'])
        .where('to_firm_id', 'in', chunk)
        .limit(5000)
        .execute()),
    ];
    const inChunk = new Set(chunk);
    const others = [...new Set(edges.flatMap((e) => [e.from_firm_id, e.to_firm_id]))];
    const ends = new Map<string, { name: string; link_id: string | null; is_local: number }>();
    for (let j = 0; j < others.length; j += 500) {
      const rows = await db
        .selectFrom('firm')
        .select(['id', 'name', 'link_id', 'is_local'])
        .where('id', 'in', others.slice(j, j + 500))
        .execute();
      for (const r of rows) ends.set(r.id, r);
    }
    for (const e of edges) {
      // The candidate is the end in this chunk; the other end must be local.
      const candidate = inChunk.has(e.from_firm_id) ? e.from_firm_id : e.to_firm_id;
      const local = candidate === e.from_firm_id ? e.to_firm_id : e.from_firm_id;
      const l = ends.get(local);
      const c = ends.get(candidate);
      if (l?.is_local !== 1 || !c) continue;
      relations.push({
        id: e.id,
        kind: e.kind,
        from_firm_id: e.from_firm_id,
        to_firm_id: e.to_firm_id,
        local_id: local,
        local_name: l.name,
        local_link_id: l.link_id,
        candidate_name: c.name,
      });
    }
  }
  return { firms, relations };
}

/** Open leads already targeting these firms (the list marks them; no duplicate lead by one click). */
export async function leadsTargeting(db: Db, firmIds: readonly string[]) {
  const out: Array<{ id: string; code: string; target_firm_id: string | null }> = [];
  for (let i = 0; i < firmIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('lead')
        .select(['id', 'code', 'target_firm_id'])
        .where('target_firm_id', 'in', firmIds.slice(i, i + 500))
        .where('status', 'not in', [...OPEN_LEAD_EXCLUDED])
        .execute()),
    );
  }
  return out;
}

/** Local firms attached to these links (anchors for tie candidates), at most `limit`. */
export async function localFirmsOnLinks(db: Db, linkIds: readonly string[], limit: number) {
  if (linkIds.length === 0) return [];
  return db
    .selectFrom('firm')
    .select('id')
    .where('link_id', 'in', [...linkIds])
    .where('is_local', '=', 1)
    .limit(limit)
    .execute();
}

/** The zone's ranking weights (JSON), from its one chain setting row; undefined before one is saved. */
export function zoneRankingWeights(db: Db) {
  return db.selectFrom('chain_setting').select('weights_json').limit(1).executeTakeFirst();
}

/** Every link of a chain with its parent: the link tree, to find a link's sub-links. */
export function linkParentsOf(db: Db, chainId: string) {
  return db.selectFrom('chain_link').select(['id', 'parent_id']).where('chain_id', '=', chainId).execute();
}
