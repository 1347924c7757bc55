import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectTable } from '../../db/database';
import { buildSearchText, rebuildInvestorsJson } from '../../db/dialect-sql';
import { parseJsonArray } from '../../lib/json';

type Q = Kysely<Database> | Transaction<Database>;

export interface FirmNames {
  name: string;
  short_name: string | null;
  aliases_json: string;
}

/**
 * What a project is found by: its own name, code, park, chain, product, people, and the names of
 * the firms behind it — so a search for 乖宝 finds 年产10万吨高端宠物食品项目.
 */
export function projectSearchText(
  p: Pick<
    ProjectTable,
    'name' | 'code' | 'park' | 'chain_link' | 'capacity_product' | 'contact_name' | 'leader_name'
  >,
  firms: readonly FirmNames[],
): string {
  return buildSearchText([
    p.name,
    p.code,
    p.park,
    p.chain_link,
    p.capacity_product,
    p.contact_name,
    p.leader_name,
    ...firms.flatMap((f) => [f.name, f.short_name, ...parseJsonArray<string>(f.aliases_json)]),
  ]);
}

/**
 * Recomputes the columns of these projects that copy other rows — `search_text` and
 * `investors_json` (the list's investors with their names, migration 20261206_0030) — after an
 * edit, an investor change or a firm rename, in the caller's transaction.
 */
export async function refreshProjectDerivedColumns(db: Q, projectIds: readonly string[]): Promise<void> {
  if (projectIds.length === 0) return;
  for (let i = 0; i < projectIds.length; i += 500) {
    await rebuildInvestorsJson(db, projectIds.slice(i, i + 500));
  }
  const projects = await db.selectFrom('project').selectAll().where('id', 'in', projectIds).execute();
  const investors = await db
    .selectFrom('project_investor')
    .innerJoin('firm', 'firm.id', 'project_investor.firm_id')
    .select(['project_investor.project_id', 'firm.name', 'firm.short_name', 'firm.aliases_json'])
    .where('project_investor.project_id', 'in', projectIds)
    .execute();
  for (const p of projects) {
    const text = projectSearchText(
      p,
      investors.filter((i) => i.project_id === p.id),
    );
    if (text !== p.search_text) {
      await db.updateTable('project').set({ search_text: text }).where('id', '=', p.id).execute();
    }
  }
}
