import type { Db } from '../../db/connect';
import type { ActualFigureTable, AgreementCommitmentTable, AgreementTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { itemRows, muCompute } from '../mu-evaluation/mu.task';

/**
 * Agreements, actual figures and a 亩均 evaluation for the demo (issue 14). 乖宝's 10万吨 project
 * carries the page's real promises (5.6亿元 investment, 1000 jobs, 15亿元 output, 4000万元 tax after
 * production); its agreement number and date are not on the page, so the agreement is marked 示例.
 * A dozen sample projects get sample agreements and 2025 figures (all 示例): a third ahead, a third
 * behind on tax, a third behind on output and jobs; then a sample evaluation of 2025. A few hundred
 * rows in all, so the demo still loads in a moment.
 */
const YEAR = 2025;
const SAMPLE_PROJECTS = 12;

export async function seedDemoAgreements(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const projects = await k
    .selectFrom('project as p')
    .innerJoin('project_investor as i', (j) => j.onRef('i.project_id', '=', 'p.id').on('i.position', '=', 0))
    .innerJoin('firm as f', 'f.id', 'i.firm_id')
    .select([
      'p.id',
      'p.code',
      'p.is_sample',
      'p.land_mu',
      'p.total_investment',
      'p.expected_output',
      'p.expected_tax',
      'p.expected_jobs',
      'f.id as firm_id',
      'f.name as firm_name',
    ])
    .where('p.stage', 'not in', ['cancelled', 'paused'])
    .orderBy('p.code')
    .execute();
  const agreements: AgreementTable[] = [];
  const commitments: AgreementCommitmentTable[] = [];
  const actuals: ActualFigureTable[] = [];
  const agreement = (p: (typeof projects)[number], number: string, signed: string, note: string | null) => {
    const row: AgreementTable = {
      id: newId(),
      project_id: p.id,
      number,
      signed_date: signed,
      zone_party: '开发区管委会',
      signing_company: p.firm_name,
      signing_firm_id: p.firm_id,
      note,
      is_sample: 1,
      created_by_name: 'demo',
      created_at: nowIso,
      updated_at: nowIso,
    };
    agreements.push(row);
    return row;
  };
  const promise = (
    a: AgreementTable,
    measure: string,
    value: number | null,
    dueYear: number,
    dueDate?: string,
  ) =>
    commitments.push({
      id: newId(),
      agreement_id: a.id,
      project_id: a.project_id,
      measure,
      value,
      due_year: dueYear,
      due_date: dueDate ?? null,
      amendment_id: null,
      superseded_by: null,
      created_at: nowIso,
    });
  const figure = (p: (typeof projects)[number], year: number, measure: string, value: number) =>
    actuals.push({
      id: newId(),
      project_id: p.id,
      firm_id: p.firm_id,
      year,
      period: 'Y',
      measure,
      value: Math.round(value),
      source: 'statistics',
      confirmed_by: null,
      note: '示例数据',
      is_sample: 1,
      actor_name: 'demo',
      created_at: nowIso,
    });

  const gb = projects.find((p) => p.code === 'XM2024-00003');
  if (gb) {
    const a = agreement(
      gb,
      'TZXY-示例-0003',
      '2023-12-20',
      '承诺指标来自报道（投资5.6亿元、用工1000人、投产后产值15亿元、税收4000万元）；协议编号与签约日期为示例',
    );
    promise(a, 'totalInvestment', 560_000_000, YEAR);
    promise(a, 'produceBy', null, YEAR, '2025-12-31');
    promise(a, 'output', 1_500_000_000, 2026);
    promise(a, 'tax', 40_000_000, 2026);
    promise(a, 'jobs', 1000, 2026);
    figure(gb, 2024, 'totalInvestment', 320_000_000);
    figure(gb, YEAR, 'totalInvestment', 210_000_000);
    figure(gb, YEAR, 'jobs', 620);
    figure(gb, YEAR, 'landMu', 260);
    figure(gb, YEAR, 'output', 420_000_000);
    figure(gb, YEAR, 'tax', 9_000_000);
    figure(gb, YEAR, 'energy', 21_000);
    figure(gb, YEAR, 'rdExpense', 12_600_000);
  }
  const sample = projects.filter((p) => p.is_sample === 1 && p.land_mu !== null).slice(0, SAMPLE_PROJECTS);
  sample.forEach((p, i) => {
    const land = Number(p.land_mu);
    const inv = Number(p.total_investment ?? 200_000_000);
    const output = Number(p.expected_output ?? inv * 1.5);
    const tax = Number(p.expected_tax ?? output * 0.04);
    const jobs = Number(p.expected_jobs ?? 200);
    const a = agreement(p, `TZXY-示例-${String(i + 1).padStart(4, '0')}`, '2022-06-30', null);
    promise(a, 'totalInvestment', inv, 2024);
    promise(a, 'output', output, YEAR);
    promise(a, 'tax', tax, YEAR);
    promise(a, 'jobs', jobs, YEAR);
    promise(a, 'taxPerMu', Math.round(tax / land), YEAR);
    // A third ahead, a third behind on tax, a third behind on output and jobs.
    const kind = i % 3;
    figure(p, 2023, 'totalInvestment', inv * 0.6);
    figure(p, 2024, 'totalInvestment', inv * (kind === 2 ? 0.3 : 0.45));
    figure(p, YEAR, 'landMu', land);
    figure(p, YEAR, 'output', output * (kind === 2 ? 0.7 : 1.1));
    figure(p, YEAR, 'tax', tax * (kind === 1 ? 0.6 : 1.15));
    figure(p, YEAR, 'jobs', jobs * (kind === 2 ? 0.75 : 1.05));
    figure(p, YEAR, 'energy', (output / 20_000) * (1 + (i % 4) * 0.3));
    figure(p, YEAR, 'rdExpense', output * (0.01 + (i % 5) * 0.008));
  });
  await k.transaction().execute(async (trx) => {
    if (agreements.length > 0) await trx.insertInto('agreement').values(agreements).execute();
    if (commitments.length > 0) await trx.insertInto('agreement_commitment').values(commitments).execute();
    if (actuals.length > 0) await trx.insertInto('actual_figure').values(actuals).execute();
  });
  // The sample evaluation is computed by the same code a real run uses, from the figures above.
  const ev = await muCompute(k, { year: YEAR });
  const id = newId();
  await k.transaction().execute(async (trx) => {
    await trx
      .insertInto('mu_evaluation')
      .values({
        id,
        year: YEAR,
        config_json: JSON.stringify(ev.config),
        benchmarks_json: JSON.stringify(ev.benchmarks),
        is_sample: 1,
        run_by_name: 'demo',
        run_at: nowIso,
      })
      .execute();
    if (ev.items.length > 0) {
      await trx.insertInto('mu_evaluation_item').values(itemRows(ev.items, id)).execute();
    }
  });
}
