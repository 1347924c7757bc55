import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

const BACKFILL_PAGE = 1000;

/** The project columns whose provenance is kept (shared/src/figure-source.ts), by API name. */
const COLUMNS: ReadonlyArray<readonly [figure: string, column: string]> = [
  ['totalInvestment', 'total_investment'],
  ['fixedAssetInvestment', 'fixed_asset_investment'],
  ['fundsInPlace', 'funds_in_place'],
  ['expectedOutput', 'expected_output'],
  ['expectedTax', 'expected_tax'],
  ['expectedJobs', 'expected_jobs'],
  ['expectedExports', 'expected_exports'],
];

/**
 * Project parties and figure provenance (issue 14):
 * - `project.company_firm_id`: the 项目公司 that signs for the project, apart from its investors;
 * - `project_figure_source`: where each KPI value of a project comes from (promised / estimated /
 *   reported / verified), one row per project and figure, with the value it speaks for.
 * Existing values are given the source their write path implies (origin `backfill`): news intake
 * updates and projects signed from a news lead are estimates, the ledger's funds in place are
 * reported, everything else an officer typed is a promise.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('project')
    .addColumn('company_firm_id', 'text', (c) => c.references('firm.id'))
    .execute();
  await db.schema.createIndex('project_company_idx').on('project').column('company_firm_id').execute();
  await db.schema
    .createTable('project_figure_source')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('figure', 'text', (c) => c.notNull())
    // promised | estimated | reported | verified
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_figure_source_pk', ['project_id', 'figure'])
    .execute();
  await backfill(db);
}

async function backfill(db: AnyDb): Promise<void> {
  const at = new Date().toISOString();
  let after = '';
  for (;;) {
    const projects = (await db
      .selectFrom('project')
      .select(['id', 'lead_id', ...COLUMNS.map(([, c]) => c)])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute()) as Array<Record<string, unknown> & { id: string; lead_id: string | null }>;
    if (projects.length === 0) return;
    const ids = projects.map((p) => p.id);
    const [intakeUpdates, newsLeads] = await Promise.all([
      db
        .selectFrom('provenance')
        .select(['entity_id', 'fields_json'])
        .where('entity', '=', 'project')
        .where('entity_id', 'in', ids)
        .execute(),
      db
        .selectFrom('lead')
        .select('project_id')
        .where('project_id', 'in', ids)
        .where('source', '=', 'news')
        .execute(),
    ]);
    const estimated = new Set<string>();
    for (const u of intakeUpdates as Array<{ entity_id: string; fields_json: string }>) {
      for (const f of JSON.parse(u.fields_json) as string[]) estimated.add(`${u.entity_id}:${f}`);
    }
    for (const l of newsLeads as Array<{ project_id: string }>)
      estimated.add(`${l.project_id}:totalInvestment`);
    const rows = projects.flatMap((p) =>
      COLUMNS.flatMap(([figure, column]) => {
        const v = p[column];
        if (v === null || v === undefined) return [];
        const source = estimated.has(`${p.id}:${figure}`)
          ? 'estimated'
          : figure === 'fundsInPlace'
            ? 'reported'
            : 'promised';
        return [
          {
            project_id: p.id,
            figure,
            source,
            origin: 'backfill',
            value: Number(v),
            actor_id: null,
            actor_name: null,
            at,
          },
        ];
      }),
    );
    for (let i = 0; i < rows.length; i += 100) {
      await db
        .insertInto('project_figure_source')
        .values(rows.slice(i, i + 100))
        .execute();
    }
    if (projects.length < BACKFILL_PAGE) return;
    after = projects[projects.length - 1]?.id ?? after;
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('project_figure_source').execute();
  await db.schema.dropIndex('project_company_idx').execute();
  await db.schema.alterTable('project').dropColumn('company_firm_id').execute();
}
