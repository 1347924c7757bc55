import { z } from 'zod';
import { FIGURE_ORIGINS, FIGURE_SOURCES, SOURCED_PROJECT_FIGURES } from '../figure-source';
import { PROJECT_PRIORITIES } from '../pipeline-enums';
import { PROJECT_STAGE_KEYS, PROJECT_STAGE_LIMITS } from '../project-stage';
import { TEXT_LIMITS } from '../text';
import { idString, localDate, money, nameText, personName, shortText, version } from './fields';
import { itemsResponse, listResponse } from './list';
import { recordLinkSchema } from './record-link';

/** Projects (项目, 一项目一档), their milestones and timeline: what the API takes and answers. */

export const investorSchema = z.object({
  firmId: z.string(),
  firmName: z.string(),
  sharePct: z.number().nullable(),
});
export type ProjectInvestor = z.infer<typeof investorSchema>;

/** 项目公司: the firm that signs for the project (often founded for it), apart from its investors. */
export const projectCompanySchema = z.object({ firmId: z.string(), firmName: z.string() });
export type ProjectCompany = z.infer<typeof projectCompanySchema>;

/**
 * Where one KPI value comes from (shared/src/figure-source.ts, docs/glossary.md): promised,
 * estimated, reported or verified; the write path, when and by whom. `at` is null for a dispatch
 * figure read from the report itself (the report's own date is `figures.asOf`).
 */
export const figureProvenanceSchema = z.object({
  source: z.enum(FIGURE_SOURCES),
  origin: z.enum(FIGURE_ORIGINS),
  at: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type FigureProvenance = z.infer<typeof figureProvenanceSchema>;

/** Per KPI of the project: its provenance, or null when the figure is empty or nothing recorded it. */
export const figureSourcesSchema = z.object(
  Object.fromEntries(SOURCED_PROJECT_FIGURES.map((k) => [k, figureProvenanceSchema.nullable()])) as Record<
    (typeof SOURCED_PROJECT_FIGURES)[number],
    z.ZodNullable<typeof figureProvenanceSchema>
  >,
);
export type FigureSources = z.infer<typeof figureSourcesSchema>;

/** How a firm stands to a project on the firm page: investor, 项目公司, or the firm first approached (lead target). */
export const FIRM_PROJECT_ROLES = ['investor', 'company', 'approached'] as const;
export const firmProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.string(),
  roles: z.array(z.enum(FIRM_PROJECT_ROLES)),
});
export type FirmProject = z.infer<typeof firmProjectSchema>;

/** Marks figures of a project verified (核实) at their current values. */
export const verifyFiguresBody = z.strictObject({
  figures: z.array(z.enum(SOURCED_PROJECT_FIGURES)).min(1).max(SOURCED_PROJECT_FIGURES.length),
});
export type VerifyFiguresBody = z.input<typeof verifyFiguresBody>;

/** A project as the API answers it. Money is integer yuan; land in 亩. */
export const projectSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  investors: z.array(investorSchema),
  /** 项目公司 (signing company); null when not recorded. */
  company: projectCompanySchema.nullable(),
  /** The park as imported or typed text (kept visible until the park reference is set). */
  park: z.string().nullable(),
  /** The park the project sits in (issue 18): a reference, set on the form or when put on a plot. */
  parkRef: z.object({ id: z.string(), name: z.string() }).nullable(),
  landMu: z.number().nullable(),
  totalInvestment: z.number().nullable(),
  fixedAssetInvestment: z.number().nullable(),
  /** The ledger figure entered on the project (台账到位资金), what the form edits. */
  fundsInPlace: z.number().nullable(),
  capacityQuantity: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  capacityProduct: z.string().nullable(),
  capacityText: z.string().nullable(),
  expectedOutput: z.number().nullable(),
  expectedTax: z.number().nullable(),
  expectedJobs: z.number().nullable(),
  expectedExports: z.number().nullable(),
  priority: z.enum(PROJECT_PRIORITIES).nullable(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  /** 包保领导: the leader who personally backs the project. */
  leaderName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Imported free text; the picked chain link (环节) is `linkId` / `link`. */
  chainLink: z.string().nullable(),
  linkId: z.string().nullable(),
  link: recordLinkSchema.nullable(),
  leadId: z.string().nullable(),
  /** 开工日期: required to enter 开工 (set by the move when missing). */
  startDate: z.string().nullable(),
  stage: z.enum(PROJECT_STAGE_KEYS),
  stageDate: z.string().nullable(),
  pausedFromStage: z.enum(PROJECT_STAGE_KEYS).nullable(),
  stageReason: z.string().nullable(),
  lateMilestones: z.number().int(),
  maxDaysLate: z.number().int(),
  /**
   * Derived figures. 累计到位资金 and 累计完成投资 follow shared/src/figures.ts: to the latest
   * dispatch report (else the ledger), with the period end they are as of.
   */
  figures: z.object({
    fundsInPlaceCumulative: z.number().nullable(),
    completedInvestmentCumulative: z.number().nullable(),
    asOf: z.string().nullable(),
    investmentPerMu: z.number().nullable(),
    expectedTaxPerMu: z.number().nullable(),
    expectedOutputPerMu: z.number().nullable(),
  }),
  /** Where each KPI value comes from (promised / estimated / reported / verified). */
  figureSources: figureSourcesSchema,
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

/**
 * Where the next page of the project list starts (keyset paging, issue 19): opaque to callers,
 * handed back as `nextCursor` and sent again as `cursor`. A deep page read by offset makes the
 * database step over every earlier row; a cursor starts right after the last row shown.
 */
export const projectListCursor = z
  .string()
  .max(600)
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor');

/**
 * A row of the project list (项目库): the columns the list shows and nothing more (issue 19: whole
 * projects made a 70–78 KB page of 50, whose write, presenting and serialising cost as much as the
 * SQL). The project page reads the whole project (`projectSchema`) by id; the xlsx export reads
 * whole projects through the service, not this shape. Kanban column pages use it as cards.
 */
export const projectListItemSchema = projectSchema
  .pick({
    id: true,
    code: true,
    name: true,
    investors: true,
    park: true,
    parkRef: true,
    landMu: true,
    totalInvestment: true,
    expectedOutput: true,
    expectedTax: true,
    priority: true,
    officerId: true,
    officerName: true,
    chainLink: true,
    link: true,
    stage: true,
    stageDate: true,
    lateMilestones: true,
    maxDaysLate: true,
    isSample: true,
  })
  .extend({
    figures: projectSchema.shape.figures.pick({ fundsInPlaceCumulative: true }),
    /** The provenance of the figures the list shows (the project page has all of them). */
    figureSources: figureSourcesSchema.pick({
      totalInvestment: true,
      expectedOutput: true,
      expectedTax: true,
      fundsInPlaceCumulative: true,
    }),
  });
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

/**
 * One page of projects. `nextCursor`: pass it as `cursor` (same filters and sort) for the page
 * after this one; null on the last page, and for the sorts by stage or priority (pages by offset).
 * `totalIsEstimate`: the total is exact up to a cap (LIANZHAO_LIST_EXACT_TOTAL_CAP, 10 000 by
 * default) and, when more match a filter the roll-ups cannot count, an estimate (the planner's on
 * PostgreSQL, a sample on SQLite) that the list labels as such — counting 300 000 rows for every
 * page was the list's slowest statement.
 */
export const projectListSchema = listResponse(projectListItemSchema).extend({
  nextCursor: projectListCursor.nullable(),
  totalIsEstimate: z.boolean(),
});
export type ProjectList = z.infer<typeof projectListSchema>;

/**
 * A kanban card: what the card shows and nothing more (issue 16: 210 whole projects made a 555 KB
 * answer and 100 statements). The columns' next pages come from the list and carry whole projects,
 * which have these fields too.
 */
export const kanbanCardSchema = projectSchema.pick({
  id: true,
  code: true,
  name: true,
  stage: true,
  totalInvestment: true,
  priority: true,
  lateMilestones: true,
  maxDaysLate: true,
  isSample: true,
});
export type KanbanCard = z.infer<typeof kanbanCardSchema>;

export const kanbanSchema = z.object({
  columns: z.array(
    z.object({
      stage: z.enum(PROJECT_STAGE_KEYS),
      count: z.number().int(),
      /** null when no project in the column has a known total investment. */
      totalInvestment: z.number().nullable(),
      /** The first cards, ordered as the list's `-totalInvestment` (the next pages continue it). */
      items: z.array(kanbanCardSchema),
    }),
  ),
});
export type ProjectKanban = z.infer<typeof kanbanSchema>;
export type KanbanColumn = ProjectKanban['columns'][number];

export const milestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  ownerName: z.string().nullable(),
  late: z.boolean(),
  daysLate: z.number().int(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof milestoneSchema>;
export const milestoneListSchema = itemsResponse(milestoneSchema);

export const timelineItemSchema = z.object({
  at: z.string(),
  date: z.string(),
  kind: z.enum(['stage', 'milestone', 'followup', 'edit']),
  title: z.object({ zh: z.string(), en: z.string() }),
  detail: z.string().nullable(),
  /**
   * Edits: the fields that changed, as `<entity>.<apiField>` (project.landMu, milestone.plannedDate)
   * for the web to label in the reader's language; empty for other kinds.
   */
  fields: z.array(z.string()),
  actorName: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineSchema = itemsResponse(timelineItemSchema);

/** The editable fields of a project (the stage moves through POST /stage); imports take the same. */
export const projectFields = {
  investors: z
    .array(
      z.strictObject({
        firmId: idString,
        sharePct: z.number().min(0).max(100).nullable().optional(),
      }),
    )
    .max(20)
    .optional(),
  /** 项目公司: the signing firm; must exist (400 on `companyFirmId`). Investors stay as they are. */
  companyFirmId: idString.nullable().optional(),
  park: shortText.nullable().optional(),
  /** The park (园区) as a reference; must exist (400 on `parkId`). */
  parkId: idString.nullable().optional(),
  /** 亩: land area, up to a large industrial estate. */
  landMu: z.number().min(0).max(1_000_000).nullable().optional(),
  totalInvestment: money.nullable().optional(),
  fixedAssetInvestment: money.nullable().optional(),
  fundsInPlace: money.nullable().optional(),
  capacityQuantity: z.number().min(0).max(1e12).nullable().optional(),
  capacityUnit: z.string().trim().max(TEXT_LIMITS.unit).nullable().optional(),
  capacityProduct: shortText.nullable().optional(),
  expectedOutput: money.nullable().optional(),
  expectedTax: money.nullable().optional(),
  expectedJobs: z.number().int().min(0).max(10_000_000).nullable().optional(),
  expectedExports: money.nullable().optional(),
  priority: z.enum(PROJECT_PRIORITIES).nullable().optional(),
  officerId: idString.nullable().optional(),
  leaderName: personName.nullable().optional(),
  contactName: personName.nullable().optional(),
  contactPhone: z.string().trim().max(TEXT_LIMITS.phone).nullable().optional(),
  chainLink: shortText.nullable().optional(),
  /** The chain link (环节) from the picker; must exist (400 on `linkId`). */
  linkId: idString.nullable().optional(),
  startDate: localDate.nullable().optional(),
};
/** The editable fields as the web sends them. */
export type ProjectInput = z.input<z.ZodObject<typeof projectFields>>;

export const createProjectBody = z.strictObject({
  name: nameText,
  ...projectFields,
  stage: z.enum(PROJECT_STAGE_KEYS).optional(),
  stageDate: localDate.optional(),
});
export type CreateProjectBody = z.input<typeof createProjectBody>;

export const updateProjectBody = z.strictObject({ version, name: nameText.optional(), ...projectFields });
export type UpdateProjectBody = z.input<typeof updateProjectBody>;

/**
 * 补填: the fields a stage needs (用地面积, 开工日期, 设计产能), typed in the stage dialog and saved
 * with the move in one transaction. Values only: a stage move never clears a field.
 */
export const stageFillBody = z.strictObject({
  landMu: projectFields.landMu.unwrap().unwrap().optional(),
  startDate: localDate.optional(),
  capacityQuantity: projectFields.capacityQuantity.unwrap().unwrap().optional(),
  capacityUnit: z.string().trim().min(1).max(TEXT_LIMITS.unit).optional(),
  capacityProduct: projectFields.capacityProduct.unwrap().unwrap().optional(),
});
export type StageFillBody = z.input<typeof stageFillBody>;

export const moveStageBody = z.strictObject({
  to: z.enum(PROJECT_STAGE_KEYS),
  date: localDate,
  reason: z.string().trim().max(PROJECT_STAGE_LIMITS.reasonMaxLength).nullable().optional(),
  fill: stageFillBody.optional(),
  version,
});
export type MoveStageBody = z.input<typeof moveStageBody>;

const milestoneName = z.string().trim().min(1).max(TEXT_LIMITS.label);
export const addMilestoneBody = z.strictObject({
  name: milestoneName,
  plannedDate: localDate,
  ownerName: personName.nullable().optional(),
});
export type AddMilestoneBody = z.input<typeof addMilestoneBody>;

export const updateMilestoneBody = z.strictObject({
  version,
  name: milestoneName.optional(),
  plannedDate: localDate.nullable().optional(),
  actualDate: localDate.nullable().optional(),
  ownerName: personName.nullable().optional(),
});
export type UpdateMilestoneBody = z.input<typeof updateMilestoneBody>;
