import type { ChainDto, LinkDto } from '../../../../shared/src/contract/chain';
import type { ChainLinkTable, ChainParkTable, ChainTable, ChainTargetTable } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import type { LeaderRow } from './chain.repository';

/** Rows to API shapes of the chain area; rows never leave the service (STYLE.md #2). */

// The contract (shared/src/contract/chain.ts); re-exported for the routes and services.
export {
  type ChainDto,
  chainDetailSchema,
  chainMapSchema,
  chainSchema,
  type LinkDto,
  leaderSchema,
  linkSchema,
  mapLinkSchema,
  overviewItemSchema,
  parkSchema,
  reasonSchema,
  targetItemSchema,
  targetSchema,
  targetsResponseSchema,
  weightsSchema,
} from '../../../../shared/src/contract/chain';

export function presentChain(
  row: ChainTable,
  leaders: LeaderRow[],
  parks: ChainParkTable[],
  targets: ChainTargetTable[],
): ChainDto {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    officialName: row.official_name,
    officialTitle: row.official_title,
    description: row.description,
    goal: row.goal,
    scope: row.scope as ChainDto['scope'],
    region: row.region,
    isCityKey: row.is_city_key === 1,
    sortOrder: row.sort_order,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    leaders: leaders
      .filter((l) => l.chain_id === row.id)
      .map((l) => ({
        firmId: l.firm_id,
        firmName: l.firm_name,
        shortName: l.firm_short_name,
        isLocal: l.is_local === 1,
        linkId: l.link_id,
        note: l.note,
      })),
    parks: parks.filter((p) => p.chain_id === row.id).map((p) => ({ id: p.id, name: p.name, note: p.note })),
    targets: targets
      .filter((t) => t.chain_id === row.id)
      .map((t) => ({
        year: Number(t.year),
        projectsTarget: t.projects_target,
        investmentTarget: t.investment_target === null ? null : Number(t.investment_target),
      })),
  };
}

export function presentLink(row: ChainLinkTable): LinkDto {
  return {
    id: row.id,
    chainId: row.chain_id,
    parentId: row.parent_id,
    name: row.name,
    position: row.position as LinkDto['position'],
    sortOrder: row.sort_order,
    description: row.description,
    industryCodes: parseJsonArray<string>(row.industry_codes_json),
    keywords: parseJsonArray<string>(row.keywords_json),
    priority: row.priority as LinkDto['priority'],
    isSample: row.is_sample === 1,
  };
}
