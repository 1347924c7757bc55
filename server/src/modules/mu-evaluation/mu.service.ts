import { AGREEMENT_LIMITS, type MuConfig } from '../../../../shared/src/agreement';
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

/** Runs of the same year one after the other (in this process, the only one on its database). */
const runsOfYear = new Map<number, Promise<unknown>>();

/**
 * Runs the year's evaluation (admin) with the zone's configuration. The worker computes it and
 * writes its rows as a `staging` run no reader sees (mu-stage.ts); here, in one short transaction,
 * it becomes the year's current run and is audited (with the replaced run's class counts); the
 * replaced run's rows are then removed in the worker. So a province's ranking neither crosses the
 * threads nor holds the main connection, and a reader sees the old ranking or the new, whole.
 * Answers the first page of the ranking.
 */
export async function runEvaluation(
  ctx: ServiceContext,
  reads: Reads,
  year: number,
  opts: { sample?: boolean } = {},
) {
  const prior = runsOfYear.get(year) ?? Promise.resolve();
  const mine = prior.catch(() => undefined).then(() => stageAndPromote(ctx, reads, year, opts));
  runsOfYear.set(year, mine);
  try {
    await mine;
  } finally {
    if (runsOfYear.get(year) === mine) runsOfYear.delete(year);
  }
  return getEvaluation(ctx, reads, year);
}

async function stageAndPromote(ctx: ServiceContext, reads: Reads, year: number, opts: { sample?: boolean }) {
  const actor = requireActor(ctx);
  const id = newId();
  const staged = await reads
    .run('mu.stage', {
      id,
      year,
      is_sample: opts.sample ? 1 : 0,
      run_by_name: actor.username,
      run_at: ctx.clock.now().toISOString(),
    })
    .catch(async (err: unknown) => {
      // Whatever part of the run was written goes (a run that never finished is never shown).
      await reads.run('mu.discard', { evaluationId: id }).catch(() => undefined);
      throw err;
    });
  const replaced = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.evaluationOf(trx, year);
    if (!(await repo.promote(trx, id, year))) {
      throw errors.conflict('MU_RUN_SUPERSEDED', {
        zh: '本次评价运行期间被另一次运行取代，请重新运行',
        en: 'Another run replaced this evaluation while it ran; run it again',
      });
    }
    const counts = before && before.id === staged.before?.id ? staged.before.counts : null;
    await writeAudit(trx, ctx, {
      entity: 'mu_evaluation',
      entityId: id,
      action: before ? 'rerun' : 'run',
      before: before ? { runAt: before.run_at, counts } : null,
      after: { year, firms: staged.firms, counts: staged.counts, config: staged.config },
    });
    return before?.id ?? null;
  });
  if (replaced) await reads.run('mu.discard', { evaluationId: replaced });
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
