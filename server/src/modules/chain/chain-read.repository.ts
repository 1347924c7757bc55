import { type Kysely, sql } from 'kysely';
import type { ChainLinkTable, ChainTable, Database } from '../../db/database';
import { dialectOf, orderNullsLow, searchIdsLimited } from '../../db/dialect-sql';
import { leadersOf, parksOf, targetsOf } from './chain.repository';

/**
 * The heavy chain reads: map aggregates, the zone overview, a link's records, target candidates
 * and the referral network. Each takes a plain Kysely handle and cloneable parameters, so it runs as
 * a read task (db/read-tasks.ts) in a worker thread on SQLite.
 */
type Db = Kysely<Database>;

const OPEN_LEAD_EXCLUDED = ['signed', 'lost'] as const;

/** [start, end) of a Shanghai calendar year as UTC ISO strings (created_at is stored in UTC). */
export function shanghaiYearBounds(year: number): [string, string] {
  const start = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString();
  const end = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000).toISOString();
  return [start, end];
}

export interface LinkAggregate {
  link_id: string;
  firms: number;
  projects: number;
  investment: number;
  leads: number;
}

/** Local firms, live projects (with investment) and open leads per link, for the given links. */
export async function aggregatesOfLinks(db: Db, linkIds: readonly string[]): Promise<LinkAggregate[]> {
  if (linkIds.length === 0) return [];
  const ids = [...linkIds];
  const firms = await db
    .selectFrom('firm')
    .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('link_id', 'in', ids)
    .where('is_local', '=', 1)
    .groupBy('link_id')
    .execute();
  const projects = await db
    .selectFrom('project')
    .select([
      'link_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('total_investment').as('inv'),
    ])
    .where('link_id', 'in', ids)
    .where('stage', '<>', 'cancelled')
    .groupBy('link_id')
    .execute();
  const leads = await db
    .selectFrom('lead')
    .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('link_id', 'in', ids)
    .where('status', 'not in', [...OPEN_LEAD_EXCLUDED])
    .groupBy('link_id')
    .execute();
  const out = new Map<string, LinkAggregate>();
  const get = (id: string) => {
    let a = out.get(id);
    if (!a) {
      a = { link_id: id, firms: 0, projects: 0, investment: 0, leads: 0 };
      out.set(id, a);
    }
    return a;
  };
  for (const r of firms) if (r.link_id) get(r.link_id).firms = Number(r.n);
  for (const r of projects) {
    if (!r.link_id) continue;
    get(r.link_id).projects = Number(r.n);
    get(r.link_id).investment = Number(r.inv ?? 0);
  }
  for (const r of leads) if (r.link_id) get(r.link_id).leads = Number(r.n);
  return [...out.values()];
}

/** Projects signed (recorded) in a Shanghai year on these links, and their total investment. */
export async function actualsOfYear(db: Db, linkIds: readonly string[], year: number) {
  if (linkIds.length === 0) return { projects: 0, investment: 0 };
  const [from, to] = shanghaiYearBounds(year);
  const row = await db
    .selectFrom('project')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('total_investment').as('inv'),
    ])
    .where('link_id', 'in', [...linkIds])
    .where('stage', '<>', 'cancelled')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return { projects: Number(row?.n ?? 0), investment: Number(row?.inv ?? 0) };
}

export interface ChainMapData {
  chain: ChainTable;
  links: ChainLinkTable[];
  leaders: Awaited<ReturnType<typeof leadersOf>>;
  parks: Awaited<ReturnType<typeof parksOf>>;
  targets: Awaited<ReturnType<typeof targetsOf>>;
  aggregates: LinkAggregate[];
  actual: { projects: number; investment: number };
}

/** Everything the chain map draws, in one read task. Null when the chain does not exist. */
export async function chainMapData(
  db: Db,
  p: { chainId: string; year: number },
): Promise<ChainMapData | null> {
  const chain = await db.selectFrom('chain').selectAll().where('id', '=', p.chainId).executeTakeFirst();
  if (!chain) return null;
  const links = await db
    .selectFrom('chain_link')
    .selectAll()
    .where('chain_id', '=', p.chainId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const ids = links.map((l) => l.id);
  return {
    chain,
    links,
    leaders: await leadersOf(db, [chain.id]),
    parks: await parksOf(db, [chain.id]),
    targets: await targetsOf(db, [chain.id]),
    aggregates: await aggregatesOfLinks(db, ids),
    actual: await actualsOfYear(db, ids, p.year),
  };
}

/** All chains with their links' aggregates and this year's actuals (the zone overview). */
export async function chainOverviewData(db: Db, p: { year: number }) {
  const chains = await db.selectFrom('chain').selectAll().orderBy('sort_order').orderBy('name').execute();
  const links = await db
    .selectFrom('chain_link')
    .select(['id', 'chain_id', 'parent_id'])
    .orderBy('sort_order')
    .execute();
  const ids = links.map((l) => l.id);
  const aggregates: LinkAggregate[] = [];
  const actuals: Array<{ chain_id: string; projects: number; investment: number }> = [];
  for (let i = 0; i < ids.length; i += 500)
    aggregates.push(...(await aggregatesOfLinks(db, ids.slice(i, i + 500))));
  for (const c of chains) {
    const own = links.filter((l) => l.chain_id === c.id).map((l) => l.id);
    actuals.push({ chain_id: c.id, ...(await actualsOfYear(db, own, p.year)) });
  }
  const chainIds = chains.map((c) => c.id);
  return {
    chains,
    links,
    aggregates,
    actuals,
    leaders: await leadersOf(db, chainIds),
    parks: await parksOf(db, chainIds),
    targets: await targetsOf(db, chainIds),
  };
}

/** Firms, projects and leads attached to these links (a link and its sub-links), 200 of each. */
export async function recordsOfLinks(db: Db, p: { linkIds: string[] }) {
  if (p.linkIds.length === 0) return { firms: [], projects: [], leads: [] };
  const firms = await db
    .selectFrom('firm')
    .select(['id', 'name', 'short_name', 'is_local', 'link_id', 'registered_capital', 'is_sample'])
    .where('link_id', 'in', p.linkIds)
    .orderBy('is_local', 'desc')
    .orderBy('name')
    .limit(200)
    .execute();
  const projects = await db
    .selectFrom('project')
    .select(['id', 'code', 'name', 'stage', 'total_investment', 'link_id', 'is_sample'])
    .where('link_id', 'in', p.linkIds)
    .orderBy(orderNullsLow(dialectOf(db), 'total_investment', 'desc'))
    .limit(200)
    .execute();
  const leads = await db
    .selectFrom('lead')
    .leftJoin('firm', 'firm.id', 'lead.target_firm_id')
    .select([
      'lead.id',
      'lead.code',
      'lead.title',
      'lead.status',
      'lead.source',
      'lead.link_id',
      'lead.estimated_investment',
      'lead.is_sample',
      'firm.name as target_name',
    ])
    .where('lead.link_id', 'in', p.linkIds)
    .orderBy('lead.created_at', 'desc')
    .limit(200)
    .execute();
  return { firms, projects, leads };
}

export interface CandidateQuery {
  /** Exact industry codes (a link's codes with their listed sub-codes). */
  codes: string[];
  keywords: string[];
  /** Local firms whose partners are candidates: leaders of the chain and firms on the link. */
  anchorIds: string[];
  perCode: number;
  perKeyword: number;
  perAnchor: number;
}

/**
 * The bounded candidate set: for each code the biggest external firms (read in index order from
 * firm_industry_capital_idx), for each keyword the first external firms whose search text has it,
 * and the external partners of the anchors (firm_relation indexes). Never a scan of the firm table.
 */
export async function candidateIds(db: Db, q: CandidateQuery): Promise<string[]> {
  const ids = new Set<string>();
  const dialect = dialectOf(db);
  for (const code of q.codes) {
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
  if (q.anchorIds.length > 0) {
    const from = await db
      .selectFrom('firm_relation')
      .select('to_firm_id as id')
      .where('from_firm_id', 'in', q.anchorIds)
      .limit(q.perAnchor * q.anchorIds.length)
      .execute();
    const to = await db
      .selectFrom('firm_relation')
      .select('from_firm_id as id')
      .where('to_firm_id', 'in', q.anchorIds)
      .limit(q.perAnchor * q.anchorIds.length)
      .execute();
    for (const r of [...from, ...to]) ids.add(r.id);
  }
  return [...ids];
}

/** The candidates' rows (external firms only) and their relations with local firms. */
export async function candidateDetails(db: Db, ids: readonly string[]) {
  const firms = [];
  const relations = [];
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
    const rel = (side: 'from' | 'to') =>
      db
        .selectFrom('firm_relation as r')
        .innerJoin('firm as l', 'l.id', side === 'from' ? 'r.to_firm_id' : 'r.from_firm_id')
        .innerJoin('firm as c', 'c.id', side === 'from' ? 'r.from_firm_id' : 'r.to_firm_id')
        .select([
          'r.id',
          'r.kind',
          'r.from_firm_id',
          'r.to_firm_id',
          'l.id as local_id',
          'l.name as local_name',
          'l.link_id as local_link_id',
          'c.name as candidate_name',
        ])
        .where(side === 'from' ? 'r.from_firm_id' : 'r.to_firm_id', 'in', chunk)
        .where('l.is_local', '=', 1)
        .limit(5000)
        .execute();
    relations.push(...(await rel('from')), ...(await rel('to')));
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

/** 以商招商: every lead with a referring firm, its target, and the project it became. */
export async function referralRows(db: Db, p: { limit: number }) {
  return db
    .selectFrom('lead')
    .innerJoin('firm as rf', 'rf.id', 'lead.referrer_firm_id')
    .leftJoin('firm as tf', 'tf.id', 'lead.target_firm_id')
    .leftJoin('project', 'project.id', 'lead.project_id')
    .select([
      'lead.id as lead_id',
      'lead.code as lead_code',
      'lead.title as lead_title',
      'lead.status as lead_status',
      'lead.estimated_investment',
      'lead.is_sample as lead_is_sample',
      'rf.id as referrer_id',
      'rf.name as referrer_name',
      'rf.short_name as referrer_short_name',
      'rf.is_local as referrer_is_local',
      'tf.id as target_id',
      'tf.name as target_firm_name',
      'lead.target_name',
      'project.id as project_id',
      'project.name as project_name',
      'project.stage as project_stage',
      'project.total_investment as project_investment',
    ])
    .where('lead.referrer_firm_id', 'is not', null)
    .orderBy('lead.created_at')
    .limit(p.limit)
    .execute();
}
