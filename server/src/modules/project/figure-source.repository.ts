import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectFigureSourceTable } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

type Q = Kysely<Database> | Transaction<Database>;

const sourcesOfProjects = preparedQuery((db, p: { ids: readonly string[] }) =>
  db.selectFrom('project_figure_source').selectAll().where('project_id', 'in', p.ids),
);
const sourcesOfFigures = preparedQuery((db, p: { ids: readonly string[]; figures: readonly string[] }) =>
  db
    .selectFrom('project_figure_source')
    .selectAll()
    .where('project_id', 'in', p.ids)
    .where('figure', 'in', p.figures),
);

/** The provenance rows of these projects (all figures, or only `figures`), in chunks of 500 ids. */
export async function figureSourceRows(
  db: Q,
  projectIds: readonly string[],
  figures?: readonly string[],
): Promise<ProjectFigureSourceTable[]> {
  const out: ProjectFigureSourceTable[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const ids = projectIds.slice(i, i + 500);
    const rows = figures
      ? await sourcesOfFigures(db, { ids, figures })
      : await sourcesOfProjects(db, { ids });
    out.push(...rows.map((r) => ({ ...r, value: Number(r.value) })));
  }
  return out;
}

/** Replaces the rows of the given figures of one project (a null value clears the figure's row). */
export async function writeFigureSourceRows(
  db: Q,
  projectId: string,
  figures: readonly string[],
  rows: readonly ProjectFigureSourceTable[],
): Promise<void> {
  if (figures.length === 0) return;
  await db
    .deleteFrom('project_figure_source')
    .where('project_id', '=', projectId)
    .where('figure', 'in', figures)
    .execute();
  if (rows.length > 0) await db.insertInto('project_figure_source').values(rows).execute();
}

/** The project's ledger funds in place (what 累计到位资金 falls back to before any report). */
export function projectLedgerFunds(db: Q, projectId: string) {
  return db
    .selectFrom('project')
    .select(['id', 'funds_in_place'])
    .where('id', '=', projectId)
    .executeTakeFirst();
}
