import type { ListResult } from '../../../../shared/src/contract/list';
import type { Programme } from '../../../../shared/src/contract/programme';
import type { Task } from '../../../../shared/src/contract/task';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertTaskVisible, taskScopeOf } from '../task/task.policy';
import { findTaskById, listTasks, presentTaskRows } from '../task/task.service';
import { type FigureInput, listFigures, presentFigure, upsertFigures } from './figure.repository';

// A campaign (专项行动) shows the same figures as a programme's tasks, read the same way.
export { listFigures, presentFigure } from './figure.repository';

/**
 * 对口支援 paired-assistance programmes: tasks of type `programme` with their own figures. A
 * programme is the same record as its task, so it has the task's scope (task.policy.ts): a
 * department sees the programmes its unit is on, and a programme whose task is a 404 to the caller
 * is a 404 here too, as are its attachments (decision 011).
 */
export async function listProgrammes(
  ctx: ServiceContext,
  q: { limit: number; offset: number },
): Promise<ListResult<Programme>> {
  const actor = requireActor(ctx);
  const { rows, total } = await listTasks(
    ctx.db.kysely,
    taskScopeOf(actor),
    { type: 'programme', limit: q.limit, offset: q.offset },
    today(ctx),
  );
  const tasks = await presentTaskRows(ctx, rows);
  const figures = await listFigures(
    ctx.db.kysely,
    'task',
    rows.map((r) => r.id),
  );
  return {
    items: tasks.map((t) => ({
      ...t,
      figures: figures.filter((f) => f.owner_id === t.id).map(presentFigure),
    })),
    total,
  };
}

export async function getProgramme(ctx: ServiceContext, id: string): Promise<Programme> {
  const actor = requireActor(ctx);
  const task = await findTaskById(ctx.db.kysely, id);
  if (task?.type !== 'programme' || !task) throw errors.notFound('programme');
  await assertTaskVisible(ctx.db.kysely, actor, id);
  const [dto] = await presentTaskRows(ctx, [task]);
  const figures = await listFigures(ctx.db.kysely, 'task', [id]);
  return { ...(dto as Task), figures: figures.map(presentFigure) };
}

export async function setProgrammeFigures(ctx: ServiceContext, id: string, figures: FigureInput[]) {
  const before = await getProgramme(ctx, id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await upsertFigures(trx, 'task', id, figures, ctx.clock.now().toISOString());
    await writeAudit(trx, ctx, {
      entity: 'figure',
      entityId: id,
      action: 'set',
      before: { figures: before.figures.map((f) => ({ key: f.key, period: f.period, value: f.value })) },
      after: { figures: figures.map((f) => ({ key: f.key, period: f.period ?? '', value: f.value })) },
    });
  });
  return getProgramme(ctx, id);
}
