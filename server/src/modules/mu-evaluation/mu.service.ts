import { MU_CLASSES, type MuClass, type MuConfig } from '../../../../shared/src/agreement';
import type { MuConfigAnswer, MuEvaluation } from '../../../../shared/src/contract/agreement';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import type { MuEvaluationItemTable, MuEvaluationTable } from '../../db/database';
import type { ReadRunner } from '../../db/read-pool';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import type { muReadTasks } from './mu.read-tasks';
import * as repo from './mu.repository';
import { muConfigOf } from './mu.task';
import type { MuResultItem } from './mu-compute';

type Reads = ReadRunner<typeof muReadTasks>;

function present(
  ev: MuEvaluationTable,
  items: readonly MuEvaluationItemTable[],
  previous: ReadonlyMap<string, string | null>,
): MuEvaluation {
  const counts = { A: 0, B: 0, C: 0, D: 0, unrated: 0 };
  const dto = items.map((i) => {
    const saved = JSON.parse(i.values_json) as Pick<
      MuResultItem,
      'values' | 'scores' | 'landMu' | 'tax' | 'output'
    >;
    const cls = (i.class as MuClass | null) ?? null;
    if (cls) counts[cls] += 1;
    else counts.unrated += 1;
    const prev = previous.get(i.firm_id) ?? null;
    return {
      firmId: i.firm_id,
      firmName: i.firm_name,
      class: cls,
      score: i.score === null ? null : Number(i.score),
      rank: i.rank === null ? null : Number(i.rank),
      previousClass: prev && (MU_CLASSES as readonly string[]).includes(prev) ? (prev as MuClass) : null,
      landMu: saved.landMu,
      tax: saved.tax,
      output: saved.output,
      values: saved.values,
      scores: saved.scores,
      reason: i.reason ? (JSON.parse(i.reason) as Bilingual) : null,
    };
  });
  return {
    id: ev.id,
    year: Number(ev.year),
    isSample: ev.is_sample === 1,
    runAt: ev.run_at,
    runByName: ev.run_by_name,
    config: JSON.parse(ev.config_json) as MuConfig,
    benchmarks: JSON.parse(ev.benchmarks_json) as MuEvaluation['benchmarks'],
    counts,
    items: dto,
  };
}

/** A year's 亩均 evaluation with year-on-year movement (the class the year before). */
export async function getEvaluation(ctx: ServiceContext, year: number): Promise<MuEvaluation> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const ev = await repo.evaluationOf(db, year);
  if (!ev) throw errors.notFound('mu_evaluation');
  const prior = await repo.evaluationOf(db, year - 1);
  const previous = new Map(
    prior ? (await repo.classesOf(db, prior.id)).map((r) => [r.firm_id, r.class]) : [],
  );
  return present(ev, await repo.itemsOf(db, ev.id), previous);
}

/**
 * Runs the year's evaluation (admin) with the zone's configuration: computed off the event loop,
 * then stored with the configuration it used, replacing an earlier run of the year (audited, with
 * the earlier run's class counts).
 */
export async function runEvaluation(
  ctx: ServiceContext,
  reads: Reads,
  year: number,
  opts: { sample?: boolean } = {},
) {
  const actor = requireActor(ctx);
  const result = await reads.run('mu.compute', { year });
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const items: MuEvaluationItemTable[] = result.items.map((i) => ({
    evaluation_id: id,
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
  const counts = Object.fromEntries(MU_CLASSES.map((c) => [c, items.filter((i) => i.class === c).length]));
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.evaluationOf(trx, year);
    let beforeCounts: Record<string, number> | null = null;
    if (before) {
      const old = await repo.classesOf(trx, before.id);
      beforeCounts = Object.fromEntries(MU_CLASSES.map((c) => [c, old.filter((o) => o.class === c).length]));
      await repo.deleteEvaluation(trx, before.id);
    }
    await repo.insertEvaluation(
      trx,
      {
        id,
        year,
        config_json: JSON.stringify(result.config),
        benchmarks_json: JSON.stringify(result.benchmarks),
        is_sample: opts.sample ? 1 : 0,
        run_by_name: actor.username,
        run_at: at,
      },
      items,
    );
    await writeAudit(trx, ctx, {
      entity: 'mu_evaluation',
      entityId: id,
      action: before ? 'rerun' : 'run',
      before: before ? { runAt: before.run_at, counts: beforeCounts } : null,
      after: { year, firms: items.length, counts, config: result.config },
    });
  });
  return getEvaluation(ctx, year);
}

export async function getMuConfig(ctx: ServiceContext): Promise<MuConfigAnswer> {
  requireActor(ctx);
  return muConfigOf(ctx.db.kysely);
}

/** Sets the zone's weights, cap, class thresholds and size (admin), audited. */
export async function setMuConfig(ctx: ServiceContext, config: MuConfig): Promise<MuConfigAnswer> {
  const actor = requireActor(ctx);
  const at = ctx.clock.now().toISOString();
  const sum = Object.values(config.weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-6) {
    throw errors.validation([
      {
        path: 'weights',
        message: { zh: `权重之和须为 100（现为 ${sum}）`, en: `Weights must add up to 100 (now ${sum})` },
      },
    ]);
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.saveConfig(trx, JSON.stringify(config), actor.username, at);
    await writeAudit(trx, ctx, {
      entity: 'mu_config',
      entityId: 'zone',
      action: before ? 'update' : 'create',
      before: before ? (JSON.parse(before) as Record<string, unknown>) : null,
      after: { ...config },
    });
  });
  return muConfigOf(ctx.db.kysely);
}
