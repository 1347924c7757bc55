import { AGREEMENT_LIMITS, MU_CLASSES, type MuConfig } from '../../../../shared/src/agreement';
import type {
  MuConfigAnswer,
  MuEvaluation,
  MuEvaluationQuery,
} from '../../../../shared/src/contract/agreement';
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

/** A page of a year's 亩均 evaluation with year-on-year movement, read and presented off the event loop. */
export async function getEvaluation(
  ctx: ServiceContext,
  reads: Reads,
  year: number,
  q: Partial<MuEvaluationQuery> = {},
): Promise<MuEvaluation> {
  requireActor(ctx);
  const ev = await reads.run('mu.evaluation', {
    year,
    class: q.class,
    page: q.page ?? 1,
    pageSize: q.pageSize ?? AGREEMENT_LIMITS.defaultPageSize,
  });
  if (!ev) throw errors.notFound('mu_evaluation');
  return ev;
}

/** The year's whole ranking as xlsx, drawn off the event loop. */
export async function exportEvaluation(ctx: ServiceContext, reads: Reads, year: number): Promise<Buffer> {
  requireActor(ctx);
  const file = await reads.run('mu.export', { year });
  if (!file) throw errors.notFound('mu_evaluation');
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength);
}

/**
 * Runs the year's evaluation (admin) with the zone's configuration: computed, and its rows made,
 * off the event loop; then stored with the configuration it used, replacing an earlier run of the
 * year (audited, with the earlier run's class counts). Answers the first page of the ranking.
 */
export async function runEvaluation(
  ctx: ServiceContext,
  reads: Reads,
  year: number,
  opts: { sample?: boolean } = {},
) {
  const actor = requireActor(ctx);
  const id = newId();
  const result = await reads.run('mu.prepare', { year, evaluationId: id });
  const at = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.evaluationOf(trx, year);
    let beforeCounts: Record<string, number> | null = null;
    if (before) {
      const old = await repo.classCounts(trx, before.id);
      beforeCounts = Object.fromEntries(
        MU_CLASSES.map((c) => [c, Number(old.find((o) => o.class === c)?.n ?? 0)]),
      );
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
      result.rows,
    );
    await writeAudit(trx, ctx, {
      entity: 'mu_evaluation',
      entityId: id,
      action: before ? 'rerun' : 'run',
      before: before ? { runAt: before.run_at, counts: beforeCounts } : null,
      after: { year, firms: result.rows.length, counts: result.counts, config: result.config },
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
