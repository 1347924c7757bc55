import type { SourcedProjectFigure } from '../../../../shared/src/figure-source';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { currentFigureValues, type FigureValues, recordFigureSources } from './figure-source';
import { assertProjectEditable, assertProjectVisible } from './project.policy';
import type { ProjectDto } from './project.presenter';
import * as repo from './project.repository';
import { getProject } from './project.service';
import { projectCumulatives } from './zone-figures';

/**
 * 核实: an officer confirms figures of a project at their current values (against the statistics,
 * the contract, a site visit). The figures become verified until a new value is written; audited
 * with the values and the sources they had.
 */
export async function verifyProjectFigures(
  ctx: ServiceContext,
  id: string,
  figures: readonly SourcedProjectFigure[],
): Promise<ProjectDto> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  await assertProjectVisible(db, actor, id);
  const row = await repo.findProjectById(db, id);
  if (!row) throw errors.notFound('project');
  assertProjectEditable(actor, row);
  const before = await getProject(ctx, id);
  const values = currentFigureValues(row, (await projectCumulatives(db, [row])).get(id));
  const unique = [...new Set(figures)];
  const missing: FieldError[] = unique.flatMap((f, n) =>
    values[f] === null
      ? [
          {
            path: `figures.${n}`,
            message: { zh: '该数字为空，无法核实', en: 'The figure is empty: nothing to verify' },
          },
        ]
      : [],
  );
  if (missing.length > 0) throw errors.validation(missing);
  const verified: FigureValues = Object.fromEntries(unique.map((f) => [f, values[f]]));
  await db.transaction().execute(async (trx) => {
    await recordFigureSources(trx, ctx, id, verified, 'verified', 'verify');
    await writeAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: 'verify_figures',
      before: {
        figureSources: Object.fromEntries(unique.map((f) => [f, before.figureSources[f]?.source ?? null])),
      },
      after: { figureSources: Object.fromEntries(unique.map((f) => [f, 'verified'])), values: verified },
    });
  });
  return getProject(ctx, id);
}
