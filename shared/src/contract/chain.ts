import { z } from 'zod';
import {
  CHAIN_LIMITS,
  CHAIN_POSITIONS,
  CHAIN_SCOPES,
  LINK_PRIORITIES,
  LINK_STATES,
  RANKING_FACTORS,
} from '../chain';
import { idString, longText, nameText } from './fields';

/** Industrial chains (产业链, issue 4): what /api/chains… and /api/referrals take and answer. */

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
export type ChainLeader = z.infer<typeof leaderSchema>;
export type Chain = ChainDto;
export type ChainLink = LinkDto;
export type ChainDetail = z.infer<typeof chainDetailSchema>;
export type LinkCounts = z.infer<typeof countsSchema>;
export type MapLink = z.infer<typeof mapLinkSchema>;
export type ChainSummary = z.infer<typeof chainSummarySchema>;
export type YearFigures = z.infer<typeof yearFigures>;
export type ChainMap = z.infer<typeof chainMapSchema>;
export type OverviewItem = z.infer<typeof overviewItemSchema>;
export type TargetReason = z.infer<typeof reasonSchema>;
export type TargetItem = z.infer<typeof targetItemSchema>;
export type TargetsResult = z.infer<typeof targetsResponseSchema>;

/** The zone's target ranking weights, with the version to send back on a change. */
export const rankingSettingsSchema = z.object({
  weights: weightsSchema,
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RankingSettings = z.infer<typeof rankingSettingsSchema>;

export const linkOptionSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  chainName: z.string(),
  name: z.string(),
  /** "宠物产业链 / 宠物食品 / 主粮": what the picker shows and searches. */
  path: z.string(),
  position: z.string(),
  depth: z.number().int(),
});
export type LinkOption = z.infer<typeof linkOptionSchema>;

/** A link's records for the map's drawer: firms, projects and leads on it or beneath it. */
export const linkRecordsSchema = z.object({
  linkIds: z.array(z.string()),
  firms: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isLocal: z.boolean(),
      linkId: z.string().nullable(),
      registeredCapital: z.number().nullable(),
      isSample: z.boolean(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      stage: z.string(),
      totalInvestment: z.number().nullable(),
      linkId: z.string().nullable(),
      isSample: z.boolean(),
    }),
  ),
  leads: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      source: z.string(),
      targetName: z.string().nullable(),
      estimatedInvestment: z.number().nullable(),
      linkId: z.string().nullable(),
      isSample: z.boolean(),
    }),
  ),
});
export type LinkRecords = z.infer<typeof linkRecordsSchema>;

export const referralNetworkSchema = z.object({
  referrers: z.array(
    z.object({
      firmId: z.string(),
      firmName: z.string(),
      isLocal: z.boolean(),
      leads: z.number().int(),
      openLeads: z.number().int(),
      projects: z.number().int(),
      investment: z.number(),
    }),
  ),
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['referrer', 'target', 'project']),
      name: z.string(),
      entityId: z.string(),
      value: z.number(),
    }),
  ),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      kind: z.enum(['referred', 'became']),
      leadId: z.string().nullable(),
      leadCode: z.string().nullable(),
      status: z.string().nullable(),
      isSample: z.boolean(),
    }),
  ),
  truncated: z.boolean(),
});
export type ReferralNetwork = z.infer<typeof referralNetworkSchema>;

/** What deleting a link or chain would detach (the 409's `attached`, and the delete's answer). */
export const attachedSchema = z.object({
  links: z.number().int(),
  firms: z.number().int(),
  leads: z.number().int(),
  projects: z.number().int(),
  leaders: z.number().int(),
});
export type Attached = z.infer<typeof attachedSchema>;

const codes = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-Ta-t]?\d{0,4}$/, 'a GB/T 4754 code')
      .min(1),
  )
  .max(CHAIN_LIMITS.maxCodesPerLink);
const keywords = z.array(z.string().trim().min(1).max(40)).max(CHAIN_LIMITS.maxKeywordsPerLink);
/** The editable fields of a link. */
export const linkFields = {
  name: nameText,
  position: z.enum(CHAIN_POSITIONS).optional(),
  description: longText.nullable().optional(),
  industryCodes: codes.optional(),
  keywords: keywords.optional(),
  priority: z.enum(LINK_PRIORITIES).optional(),
};

/** `POST /api/chains/:id/links`: a new link, placed under `parentId` at `index` among its siblings. */
export const addLinkBody = z.strictObject({
  ...linkFields,
  parentId: idString.nullable().optional(),
  index: z.number().int().min(0).optional(),
});
export type LinkInput = z.input<typeof addLinkBody>;
