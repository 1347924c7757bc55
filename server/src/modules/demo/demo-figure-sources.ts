import type { Db } from '../../db/connect';
import type { ProjectFigureSourceTable } from '../../db/database';

const COLUMNS = [
  ['totalInvestment', 'total_investment'],
  ['fixedAssetInvestment', 'fixed_asset_investment'],
  ['fundsInPlace', 'funds_in_place'],
  ['expectedOutput', 'expected_output'],
  ['expectedTax', 'expected_tax'],
  ['expectedJobs', 'expected_jobs'],
  ['expectedExports', 'expected_exports'],
] as const;

/**
 * Where the demo's figures come from (issue 14): the page's own projects carry the promises the
 * page reports (乖宝: 5.6亿元, 1000 jobs, 15亿元 output, 4000万元 tax), recorded as promised. The
 * sample projects (示例) get a deterministic mix so the tags and the cockpit's shares show
 * something: every fifth estimated from news, every fifth verified, the rest promised; the
 * ledger's funds in place are reported. Dispatch cumulatives need no row: they read as reported.
 */
export async function seedDemoFigureSources(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const projects = await k
    .selectFrom('project')
    .select(['id', 'code', 'is_sample', ...COLUMNS.map(([, c]) => c)])
    .orderBy('code')
    .execute();
  const rows: ProjectFigureSourceTable[] = [];
  projects.forEach((p, n) => {
    const sampleKind = p.is_sample === 1 ? n % 5 : -1;
    for (const [figure, column] of COLUMNS) {
      const value = p[column];
      if (value === null) continue;
      const [source, origin] =
        figure === 'fundsInPlace'
          ? (['reported', 'demo'] as const)
          : sampleKind === 0
            ? (['estimated', 'intake'] as const)
            : sampleKind === 1
              ? (['verified', 'verify'] as const)
              : (['promised', 'demo'] as const);
      rows.push({
        project_id: p.id,
        figure,
        source,
        origin,
        value: Number(value),
        actor_id: null,
        actor_name: null,
        at: nowIso,
      });
    }
  });
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 300) {
      await trx
        .insertInto('project_figure_source')
        .values(rows.slice(i, i + 300))
        .execute();
    }
  });
}
