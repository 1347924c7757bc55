import type { Db } from '../db/connect';

/**
 * Recount of `project.investors_json` (migration 20261206_0030): the ids of the projects whose
 * stored copy differs from a fresh read of project_investor ⨝ firm. Empty when every write kept it.
 */
export async function staleInvestorCopies(db: Db): Promise<string[]> {
  const fresh = await db.kysely
    .selectFrom('project_investor')
    .innerJoin('firm', 'firm.id', 'project_investor.firm_id')
    .select(['project_investor.project_id', 'firm.id', 'firm.name', 'project_investor.share_pct'])
    .orderBy('project_investor.project_id')
    .orderBy('project_investor.position')
    .execute();
  const expected = new Map<string, Array<{ firmId: string; firmName: string; sharePct: number | null }>>();
  for (const r of fresh) {
    const list = expected.get(r.project_id) ?? [];
    list.push({
      firmId: r.id,
      firmName: r.name,
      sharePct: r.share_pct === null ? null : Number(r.share_pct),
    });
    expected.set(r.project_id, list);
  }
  const stored = await db.kysely.selectFrom('project').select(['id', 'investors_json']).execute();
  return stored
    .filter((p) => JSON.stringify(JSON.parse(p.investors_json)) !== JSON.stringify(expected.get(p.id) ?? []))
    .map((p) => p.id);
}
