import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ActualFigureTable, Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export function actualsOfProject(db: Q, projectId: string) {
  return db
    .selectFrom('actual_figure')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('year')
    .orderBy('period')
    .orderBy('measure')
    .orderBy('created_at')
    .execute();
}

export async function insertActuals(db: Q, rows: Insertable<ActualFigureTable>[]) {
  // SQLite caps bound parameters per statement: 13 columns × 500 rows stays well below it.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('actual_figure')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** The firm a project's figures belong to: its first investor (the one listed first). */
export async function firmOfProject(db: Q, projectId: string): Promise<string | null> {
  const row = await db
    .selectFrom('project_investor')
    .select('firm_id')
    .where('project_id', '=', projectId)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  return row?.firm_id ?? null;
}

/** Firms by USCC or exact name, and projects by code: what an import row may name. */
export async function refsOf(db: Q, firmRefs: readonly string[], projectCodes: readonly string[]) {
  const refs = [...new Set(firmRefs)];
  const codes = [...new Set(projectCodes)];
  const firms =
    refs.length === 0
      ? []
      : await db
          .selectFrom('firm')
          .select(['id', 'name', 'uscc'])
          .where((eb) => eb.or([eb('uscc', 'in', refs), eb('name', 'in', refs)]))
          .execute();
  const projects =
    codes.length === 0
      ? []
      : await db.selectFrom('project').select(['id', 'code']).where('code', 'in', codes).execute();
  const investors =
    projects.length === 0
      ? []
      : await db
          .selectFrom('project_investor')
          .select(['project_id', 'firm_id'])
          .where(
            'project_id',
            'in',
            projects.map((p) => p.id),
          )
          .execute();
  return { firms, projects, investors };
}
