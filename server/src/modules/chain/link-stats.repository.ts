import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * Per-link counts for the chain map and overview (migration 0008: `link_stat`, `link_year_stat`).
 * Triggers on firm / lead / project keep them current in the writing transaction; this file reads
 * them, and recounts them from the records — the definition the triggers must agree with, used by
 * the API test that checks them and by the bench after it bulk-loads generated rows.
 */
type Db = Kysely<Database>;

export interface LinkStatRow {
  link_id: string;
  local_firms: number;
  projects: number;
  investment: number;
  open_leads: number;
}

export interface LinkYearStatRow {
  link_id: string;
  year: number;
  projects: number;
  investment: number;
}

const OPEN_LEAD_EXCLUDED = ['signed', 'lost'] as const;

/** The Shanghai year a project counts for, from its UTC ISO `created_at` (as the migration's triggers). */
const shanghaiYearOf = sql<number>`(cast(substr(created_at, 1, 4) as integer) + case when substr(created_at, 6, 14) >= '12-31T16:00:00' then 1 else 0 end)`;

/** The stored counts of some links (links without a row have nothing attached). */
export async function storedLinkStats(db: Db, linkIds: readonly string[], year: number) {
  if (linkIds.length === 0) return { links: [], years: [] };
  const ids = [...linkIds];
  const links = await db.selectFrom('link_stat').selectAll().where('link_id', 'in', ids).execute();
  const years = await db
    .selectFrom('link_year_stat')
    .selectAll()
    .where('link_id', 'in', ids)
    .where('year', '=', year)
    .execute();
  return { links: links.map(numbers), years: years.map(yearNumbers) };
}

const numbers = (r: LinkStatRow): LinkStatRow => ({
  link_id: r.link_id,
  local_firms: Number(r.local_firms),
  projects: Number(r.projects),
  investment: Number(r.investment),
  open_leads: Number(r.open_leads),
});
const yearNumbers = (r: LinkYearStatRow): LinkYearStatRow => ({
  link_id: r.link_id,
  year: Number(r.year),
  projects: Number(r.projects),
  investment: Number(r.investment),
});

/**
 * The counts recomputed from the records, without the all-zero rows (the stored tables may keep
 * zeros for links that had records once). Reads every attached row: for tests, repairs and bulk
 * loads, never for a request.
 */
export async function recountLinkStats(db: Db): Promise<{ links: LinkStatRow[]; years: LinkYearStatRow[] }> {
  const out = new Map<string, LinkStatRow>();
  const get = (id: string) => {
    let r = out.get(id);
    if (!r) {
      r = { link_id: id, local_firms: 0, projects: 0, investment: 0, open_leads: 0 };
      out.set(id, r);
    }
    return r;
  };
  const firms = await db
    .selectFrom('firm')
    .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('link_id', 'is not', null)
    .where('is_local', '=', 1)
    .groupBy('link_id')
    .execute();
  for (const r of firms) get(r.link_id as string).local_firms = Number(r.n);
  const projects = await db
    .selectFrom('project')
    .select([
      'link_id',
      shanghaiYearOf.as('year'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('total_investment').as('inv'),
    ])
    .where('link_id', 'is not', null)
    .where('stage', '<>', 'cancelled')
    .groupBy(['link_id', shanghaiYearOf])
    .execute();
  const years: LinkYearStatRow[] = [];
  for (const r of projects) {
    const a = get(r.link_id as string);
    a.projects += Number(r.n);
    a.investment += Number(r.inv ?? 0);
    years.push({
      link_id: r.link_id as string,
      year: Number(r.year),
      projects: Number(r.n),
      investment: Number(r.inv ?? 0),
    });
  }
  const leads = await db
    .selectFrom('lead')
    .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('link_id', 'is not', null)
    .where('status', 'not in', [...OPEN_LEAD_EXCLUDED])
    .groupBy('link_id')
    .execute();
  for (const r of leads) get(r.link_id as string).open_leads = Number(r.n);
  return { links: [...out.values()], years };
}

/** All stored rows with something in them, for comparison with recountLinkStats. */
export async function nonZeroLinkStats(db: Db): Promise<{ links: LinkStatRow[]; years: LinkYearStatRow[] }> {
  const links = await db
    .selectFrom('link_stat')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('local_firms', '<>', 0),
        eb('projects', '<>', 0),
        eb('investment', '<>', 0),
        eb('open_leads', '<>', 0),
      ]),
    )
    .execute();
  const years = await db
    .selectFrom('link_year_stat')
    .selectAll()
    .where((eb) => eb.or([eb('projects', '<>', 0), eb('investment', '<>', 0)]))
    .execute();
  return { links: links.map(numbers), years: years.map(yearNumbers) };
}

/** Replaces the stored counts with a recount: after a load that skipped the triggers, or as a repair. */
export async function rebuildLinkStats(db: Db): Promise<void> {
  const { links, years } = await recountLinkStats(db);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('link_stat').execute();
    await trx.deleteFrom('link_year_stat').execute();
    for (let i = 0; i < links.length; i += 500) {
      await trx
        .insertInto('link_stat')
        .values(links.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < years.length; i += 500) {
      await trx
        .insertInto('link_year_stat')
        .values(years.slice(i, i + 500))
        .execute();
    }
  });
}
