import type { Kysely } from 'kysely';
import { DEFAULT_MU_CONFIG, MU_CLASSES, type MuConfig } from '../../../../shared/src/agreement';
import type { MuEvaluation, MuEvaluationQuery } from '../../../../shared/src/contract/agreement';
import type { Database, MuEvaluationItemTable } from '../../db/database';
import { type FigureRow, groupFigures } from '../actual/actual-figures';
import { type MuCounts, present } from './mu.presenter';
import * as repo from './mu.repository';
import { evaluateMu, type FirmFigures, type MuResultItem } from './mu-compute';
import { muRankingXlsx } from './mu-export';

type Db = Kysely<Database>;
const MEASURES = ['landMu', 'tax', 'output', 'sales', 'energy', 'rdExpense'] as const;
type M = (typeof MEASURES)[number];

interface Row extends FigureRow {
  project_id: string | null;
  firm_id: string | null;
}

/** The zone's 亩均 configuration (its own, else the defaults of decision 015). */
export async function muConfigOf(
  db: Db,
): Promise<{ config: MuConfig; custom: boolean; updatedAt: string | null }> {
  const row = await db.selectFrom('mu_config').selectAll().where('id', '=', 'zone').executeTakeFirst();
  if (!row) return { config: DEFAULT_MU_CONFIG, custom: false, updatedAt: null };
  return {
    config: { ...DEFAULT_MU_CONFIG, ...(JSON.parse(row.config_json) as Partial<MuConfig>) },
    custom: true,
    updatedAt: row.updated_at,
  };
}

/**
 * A firm's figure for the year: its own table's (no project named) where it has one, else the sum
 * of its projects' figures; each (project or firm) counted once per the source rules.
 */
function firmValue(rows: readonly Row[], measure: M, year: number): number | null {
  const mine = rows.filter((r) => r.measure === measure);
  if (mine.length === 0) return null;
  const firmLevel = mine.filter((r) => r.project_id === null);
  const use = firmLevel.length > 0 ? firmLevel : mine;
  const groups = groupFigures(use, (r) => `${r.project_id ?? ''}|${r.year}|${r.period}`);
  const perOwner = new Map<string, { annual: number | null; months: number; latestYear: number }>();
  for (const g of groups.values()) {
    const r = g.counted;
    const owner = r.project_id ?? '';
    const cur = perOwner.get(owner) ?? { annual: null, months: 0, latestYear: 0 };
    if (measure === 'landMu') {
      if (Number(r.year) >= cur.latestYear)
        perOwner.set(owner, { ...cur, annual: Number(r.value), latestYear: Number(r.year) });
      continue;
    }
    if (Number(r.year) !== year) continue;
    if (r.period === 'Y') cur.annual = Number(r.value);
    else cur.months += Number(r.value);
    perOwner.set(owner, cur);
  }
  let sum = 0;
  let any = false;
  for (const v of perOwner.values()) {
    const x = v.annual ?? (v.months > 0 ? v.months : null);
    if (x === null) continue;
    sum += x;
    any = true;
  }
  return any ? sum : null;
}

/**
 * Firms whose figures are read at a time. A province's year is millions of figure rows: loaded at
 * once, they and their per-firm copies held the worker at 3–5 GB (bench/agreement-scale.ts at 300k
 * and 1M firms); a batch's rows are folded into each firm's seven figures and let go.
 */
export const MU_FIRM_BATCH = 2_000;

type FigureQuery = ReturnType<typeof yearFigures>;

/** The figure rows an evaluation of `year` reads: the year's, and land up to five years back. */
function yearFigures(db: Db, year: number) {
  return db
    .selectFrom('actual_figure')
    .where('firm_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('year', '=', year),
        eb.and([eb('measure', '=', 'landMu'), eb('year', '<=', year), eb('year', '>=', year - 5)]),
      ]),
    )
    .where('measure', 'in', [...MEASURES]);
}

/** Every firm with figures in the year, in id order: ids only (a province's million is ~60 MB). */
async function firmIdsWithFigures(figures: FigureQuery): Promise<string[]> {
  const rows = await figures.select('firm_id').distinct().orderBy('firm_id').execute();
  return rows.flatMap((r) => (r.firm_id ? [r.firm_id] : []));
}

/** One batch of firms with their year's figures, names and project land. */
async function firmFiguresOf(
  db: Db,
  figures: FigureQuery,
  year: number,
  ids: string[],
): Promise<FirmFigures[]> {
  const rows = await figures
    .select(['id', 'project_id', 'firm_id', 'year', 'period', 'measure', 'value', 'source', 'created_at'])
    .where('firm_id', 'in', ids)
    .execute();
  const byFirm = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.firm_id) continue;
    const list = byFirm.get(r.firm_id) ?? [];
    list.push({ ...r, year: Number(r.year), value: Number(r.value) });
    byFirm.set(r.firm_id, list);
  }
  // Land the projects record where no figure gives it (a project's 用地 is a land record too).
  const projectLand = await db
    .selectFrom('project_investor as i')
    .innerJoin('project as p', 'p.id', 'i.project_id')
    .select(['i.firm_id', (eb) => eb.fn.sum<number>('p.land_mu').as('land')])
    .where('i.firm_id', 'in', ids)
    .where('i.position', '=', 0)
    .where('p.land_mu', 'is not', null)
    .where('p.stage', '!=', 'cancelled')
    .groupBy('i.firm_id')
    .execute();
  const landOf = new Map(projectLand.map((r) => [r.firm_id, Number(r.land)]));
  // One batch's ids (MU_FIRM_BATCH) fit in one statement on both databases.
  const names = new Map(
    (await db.selectFrom('firm').select(['id', 'name']).where('id', 'in', ids).execute()).map((f) => [
      f.id,
      f.name,
    ]),
  );
  return ids.map((id) => {
    const list = byFirm.get(id) ?? [];
    const v = (m: M) => firmValue(list, m, year);
    return {
      firmId: id,
      firmName: names.get(id) ?? id,
      landMu: v('landMu') ?? landOf.get(id) ?? null,
      tax: v('tax'),
      output: v('output'),
      sales: v('sales'),
      energy: v('energy'),
      rdExpense: v('rdExpense'),
    };
  });
}

/** Gathers every firm's figures of the year, a batch of firms at a time, and evaluates them (a read task: mu.read-tasks.ts). */
export async function muCompute(db: Db, p: { year: number; firmBatch?: number }) {
  const { config } = await muConfigOf(db);
  const figures = yearFigures(db, p.year);
  const ids = await firmIdsWithFigures(figures);
  const size = p.firmBatch ?? MU_FIRM_BATCH;
  const firms: FirmFigures[] = [];
  for (let i = 0; i < ids.length; i += size) {
    for (const f of await firmFiguresOf(db, figures, p.year, ids.slice(i, i + size))) firms.push(f);
  }
  return { config, ...evaluateMu(firms, config) };
}

/** The rows a run stores: each firm's class, score and rank, its figures kept as JSON. */
export function itemRows(items: readonly MuResultItem[], evaluationId: string): MuEvaluationItemTable[] {
  return items.map((i) => ({
    evaluation_id: evaluationId,
    firm_id: i.firmId,
    firm_name: i.firmName,
    class: i.class,
    score: i.score,
    rank: i.rank,
    values_json: JSON.stringify({
      values: i.values,
      scores: i.scores,
      landMu: i.landMu,
      tax: i.tax,
      output: i.output,
    }),
    reason: i.reason ? JSON.stringify(i.reason) : null,
  }));
}

/**
 * A run's rows ready to store, with its class counts: computed in the worker, which then writes
 * them as a staging run (mu-stage.ts); the bench times it beside its raw SQL.
 */
export async function muPrepare(db: Db, p: { year: number; evaluationId: string }) {
  const result = await muCompute(db, p);
  const counts = Object.fromEntries(
    MU_CLASSES.map((c) => [c, result.items.filter((i) => i.class === c).length]),
  );
  return {
    config: result.config,
    benchmarks: result.benchmarks,
    counts,
    rows: itemRows(result.items, p.evaluationId),
  };
}

async function countsOf(db: Db, evaluationId: string): Promise<MuCounts> {
  const counts: MuCounts = { A: 0, B: 0, C: 0, D: 0, unrated: 0 };
  for (const r of await repo.classCounts(db, evaluationId)) {
    const cls = MU_CLASSES.find((c) => c === r.class);
    counts[cls ?? 'unrated'] += Number(r.n);
  }
  return counts;
}

/**
 * One page of a year's stored evaluation, with the class each of its firms had the year before
 * (a read task: the page and the counts come from SQL, so a province's million rows are neither
 * parsed nor sent).
 */
export async function muEvaluationData(
  db: Db,
  p: { year: number } & MuEvaluationQuery,
): Promise<MuEvaluation | null> {
  const ev = await repo.evaluationOf(db, p.year);
  if (!ev) return null;
  const counts = await countsOf(db, ev.id);
  const total = p.class === undefined ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[p.class];
  const items = await repo.itemsPage(db, ev.id, {
    class: p.class,
    limit: p.pageSize,
    offset: (p.page - 1) * p.pageSize,
  });
  const prior = await repo.evaluationOf(db, p.year - 1);
  const previous = new Map(
    prior && items.length > 0
      ? (
          await repo.classesOf(
            db,
            prior.id,
            items.map((i) => i.firm_id),
          )
        ).map((r) => [r.firm_id, r.class])
      : [],
  );
  return present(ev, items, previous, counts, { total, page: p.page, pageSize: p.pageSize });
}

/** The whole ranking as xlsx, drawn in the worker (50k rows of exceljs would hold the event loop). */
export async function muExport(db: Db, p: { year: number }): Promise<Uint8Array | null> {
  const ev = await repo.evaluationOf(db, p.year);
  if (!ev) return null;
  const counts = await countsOf(db, ev.id);
  const items = await repo.itemsPage(db, ev.id, {});
  const prior = await repo.evaluationOf(db, p.year - 1);
  const previous = new Map(
    prior ? (await repo.classesOf(db, prior.id)).map((r) => [r.firm_id, r.class]) : [],
  );
  const all = present(ev, items, previous, counts, { total: items.length, page: 1, pageSize: items.length });
  return new Uint8Array(await muRankingXlsx(all));
}
