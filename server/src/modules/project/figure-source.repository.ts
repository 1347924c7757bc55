import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectFigureSourceTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** The provenance rows of these projects (all figures, or only `figures`), in chunks of 500 ids. */
export async function figureSourceRows(
  db: Q,
  projectIds: readonly string[],
  figures?: readonly string[],
): Promise<ProjectFigureSourceTable[]> {
  const out: ProjectFigureSourceTable[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    let q = db
      .selectFrom('project_figure_source')
      .selectAll()
      .where('project_id', 'in', projectIds.slice(i, i + 500));
    if (figures) q = q.where('figure', 'in', figures);
    const rows = await q.execute();
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
