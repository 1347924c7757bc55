import { z } from 'zod';
import {
  CHAIN_POSITIONS,
  CHAIN_SCOPES,
  LINK_PRIORITIES,
  LINK_STATES,
  RANKING_FACTORS,
} from '../../../../shared/src/chain';
import type { ChainLinkTable, ChainParkTable, ChainTable, ChainTargetTable } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import type { LeaderRow } from './chain.repository';

/** API shapes of the chain area; rows never leave the service (STYLE.md #2). */

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const leaderSchema = z.object({
  firmId: z.string(),
  firmName: z.string(),
  shortName: z.string().nullable(),
  isLocal: z.boolean(),
  linkId: z.string().nullable(),
  note: z.string().nullable(),
});
export const parkSchema = z.object({ id: z.string(), name: z.string(), note: z.string().nullable() });
export const targetSchema = z.object({
  year: z.number().int(),
  projectsTarget: z.number().int().nullable(),
  investmentTarget: z.number().nullable(),
});

export const chainSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  officialName: z.string().nullable(),
  officialTitle: z.string().nullable(),
  description: z.string().nullable(),
  goal: z.string().nullable(),
  scope: z.enum(CHAIN_SCOPES),
  region: z.string().nullable(),
  isCityKey: z.boolean(),
  sortOrder: z.number().int(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  leaders: z.array(leaderSchema),
  parks: z.array(parkSchema),
  targets: z.array(targetSchema),
});
export type ChainDto = z.infer<typeof chainSchema>;

export const linkSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  position: z.enum(CHAIN_POSITIONS),
  sortOrder: z.number().int(),
  description: z.string().nullable(),
  industryCodes: z.array(z.string()),
  keywords: z.array(z.string()),
  priority: z.enum(LINK_PRIORITIES),
  isSample: z.boolean(),
});
export type LinkDto = z.infer<typeof linkSchema>;

export const chainDetailSchema = chainSchema.extend({ links: z.array(linkSchema) });

const countsSchema = z.object({
  firms: z.number().int(),
  projects: z.number().int(),
  investment: z.number(),
  leads: z.number().int(),
});

export const mapLinkSchema = linkSchema.extend({
  depth: z.number().int(),
  /** Records attached to this link itself. */
  own: countsSchema,
  /** This link and its sub-links. */
  total: countsSchema,
  state: z.enum(LINK_STATES),
  /** Local firms were counted up to the cap somewhere in the subtree: the count is "at least". */
  firmsCapped: z.boolean(),
});

const yearFigures = z.object({
  year: z.number().int(),
  projectsTarget: z.number().int().nullable(),
  investmentTarget: z.number().nullable(),
  projectsActual: z.number().int(),
  investmentActual: z.number(),
});

const chainSummarySchema = z.object({
  links: z.number().int(),
  leafLinks: z.number().int(),
  coveredLeaves: z.number().int(),
  /** Share (0–1) of leaf links with at least one local firm. */
  coverage: z.number(),
  strong: z.number().int(),
  weak: z.number().int(),
  missing: z.number().int(),
  firms: z.number().int(),
  projects: z.number().int(),
  investment: z.number(),
  leads: z.number().int(),
});

export const chainMapSchema = z.object({
  chain: chainSchema,
  links: z.array(mapLinkSchema),
  summary: chainSummarySchema,
  year: yearFigures,
});

export const overviewItemSchema = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  scope: z.enum(CHAIN_SCOPES),
  region: z.string().nullable(),
  isCityKey: z.boolean(),
  isSample: z.boolean(),
  officialName: z.string().nullable(),
  leaders: z.array(z.string()),
  parks: z.array(z.string()),
  summary: chainSummarySchema,
  year: yearFigures,
});

export const reasonSchema = z.object({
  factor: z.enum(RANKING_FACTORS),
  value: z.number(),
  points: z.number(),
  text: bilingual,
  tie: z
    .object({
      kind: z.string(),
      fromFirmId: z.string(),
      fromFirmName: z.string(),
      toFirmId: z.string(),
      toFirmName: z.string(),
      localFirmId: z.string(),
      strength: z.enum(['leader', 'chain', 'local']),
    })
    .optional(),
});

export const weightsSchema = z.strictObject(
  Object.fromEntries(RANKING_FACTORS.map((f) => [f, z.number().min(0).max(100)])) as Record<
    (typeof RANKING_FACTORS)[number],
    z.ZodNumber
  >,
);

export const targetItemSchema = z.object({
  rank: z.number().int(),
  score: z.number(),
  firm: z.object({
    id: z.string(),
    name: z.string(),
    industryCode: z.string().nullable(),
    industryName: z.string().nullable(),
    region: z.string().nullable(),
    sizeClass: z.string().nullable(),
    registeredCapital: z.number().nullable(),
    listedCode: z.string().nullable(),
    isSample: z.boolean(),
  }),
  reasons: z.array(reasonSchema),
  /** The local firm of the best tie: the referrer a lead made from this target gets. */
  referrer: z.object({ firmId: z.string(), firmName: z.string() }).nullable(),
  existingLead: z.object({ id: z.string(), code: z.string() }).nullable(),
});

export const targetsResponseSchema = z.object({
  chainId: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  weights: weightsSchema,
  candidates: z.number().int(),
  items: z.array(targetItemSchema),
});

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
