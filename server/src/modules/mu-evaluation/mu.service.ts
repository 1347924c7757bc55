import { MU_CLASSES, type MuConfig } from '../../../../shared/src/agreement';
import type { MuConfigAnswer, MuEvaluation } from '../../../../shared/src/contract/agreement';
import type { MuEvaluationItemTable } from '../../db/database';
import type { ReadRunner } from '../../db/read-pool';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import type { muReadTasks } from './mu.read-tasks';
import * as repo from './mu.repository';
import { muConfigOf } from './mu.task';

type Reads = ReadRunner<typeof muReadTasks>;

/** A year's 亩均 evaluation with year-on-year movement, read and presented off the event loop. */
export async function getEvaluation(ctx: ServiceContext, reads: Reads, year: number): Promise<MuEvaluation> {
  requireActor(ctx);
  const ev = await reads.run('mu.evaluation', { year });
  if (!ev) throw errors.notFound('mu_evaluation');
  return ev;
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
  return getEvaluation(ctx, reads, year);
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
