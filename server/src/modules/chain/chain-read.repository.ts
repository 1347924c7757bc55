import type { Kysely } from 'kysely';
import type { ChainLinkTable, ChainTable, Database } from '../../db/database';
import { dialectOf, orderNullsLow } from '../../db/dialect-sql';
import { leadersOf, parksOf, targetsOf } from './chain.repository';
import { storedLinkStats } from './link-stats.repository';

/**
 * The heavy chain reads: map aggregates, the zone overview, a link's records, target candidates
 * and the referral network. Each takes a plain Kysely handle and cloneable parameters, so it runs as
 * a read task (chain.read-tasks.ts) in a worker thread on SQLite.
 */
type Db = Kysely<Database>;

/**
 * Local firms per link are shown up to this many: the map needs strong / weak / missing and an
 * order of magnitude, and shows "1000+" past it (the count itself is exact in link_stat).
 */
export const FIRM_COUNT_CAP = 1000;

export interface LinkAggregate {
  link_id: string;
  /** Local firms, at most FIRM_COUNT_CAP. */
  firms: number;
  projects: number;
  investment: number;
  leads: number;
  /** Projects recorded (signed) in the given year, and their investment. */
  yearProjects: number;
  yearInvestment: number;
}

/**
 * Per link: local firms, live projects with investment and this year's share of them, open leads —
 * read from the counts the database keeps (link-stats.ts, migration 0008): two index lookups per
 * link whatever the number of records, where counting them read ~80k rows for a province chain.
 */
export async function aggregatesOfLinks(
  db: Db,
  linkIds: readonly string[],
  year: number,
): Promise<LinkAggregate[]> {
  const stored = await storedLinkStats(db, linkIds, year);
  const out = new Map<string, LinkAggregate>();
  for (const r of stored.links) {
    out.set(r.link_id, {
      link_id: r.link_id,
      firms: Math.min(r.local_firms, FIRM_COUNT_CAP),
      projects: r.projects,
      investment: r.investment,
      leads: r.open_leads,
      yearProjects: 0,
      yearInvestment: 0,
    });
  }
  for (const r of stored.years) {
    const a = out.get(r.link_id);
    if (!a) continue;
    a.yearProjects = r.projects;
    a.yearInvestment = r.investment;
  }
  return [...out.values()];
}

/** This year's projects and investment over a set of links (from their aggregates). */
export function yearActual(aggregates: readonly LinkAggregate[]) {
  return {
    projects: aggregates.reduce((s, a) => s + a.yearProjects, 0),
    investment: aggregates.reduce((s, a) => s + a.yearInvestment, 0),
  };
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
  const aggregates = await aggregatesOfLinks(
    db,
    links.map((l) => l.id),
    p.year,
  );
  return {
    chain,
    links,
    leaders: await leadersOf(db, [chain.id]),
    parks: await parksOf(db, [chain.id]),
    targets: await targetsOf(db, [chain.id]),
    aggregates,
    actual: yearActual(aggregates),
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
  for (let i = 0; i < ids.length; i += 500) {
    aggregates.push(...(await aggregatesOfLinks(db, ids.slice(i, i + 500), p.year)));
  }
  for (const c of chains) {
    const own = new Set(links.filter((l) => l.chain_id === c.id).map((l) => l.id));
    actuals.push({ chain_id: c.id, ...yearActual(aggregates.filter((a) => own.has(a.link_id))) });
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
