import { z } from 'zod';
import { STAGE_NORM_LIMITS, STAGE_NORM_STAGES, TARGET_METRICS, TARGET_UNIT_TYPES } from '../dispatch';
import { MONEY_LIMITS } from '../money';
import { listLinkSchema } from './list-link';

/** 考核 annual targets per unit and 阶段标准 stage norms: what the API takes and answers. */

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const targetUnitSchema = z.object({
  unitType: z.enum(TARGET_UNIT_TYPES),
  unitKey: z.string(),
  unitName: z.string(),
  isSample: z.boolean(),
  /** The unit's place among units of its type (the ranking rule in `rule`); null without targets. */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  metrics: z.array(
    z.object({
      metric: z.enum(TARGET_METRICS),
      target: z.number().nullable(),
      actual: z.number(),
      rate: z.number().nullable(),
      /** The list behind the actual figure; null where no list reproduces it. */
      link: listLinkSchema.nullable(),
    }),
  ),
});
export type TargetUnit = z.infer<typeof targetUnitSchema>;

export const targetsSchema = z.object({
  year: z.number().int(),
  /** Share of the year gone by (0–1): the yardstick a completion rate is read against. */
  timeElapsed: z.number(),
  rule: bilingual,
  units: z.array(targetUnitSchema),
});
export type Targets = z.infer<typeof targetsSchema>;

export const targetUnitOptionSchema = z.object({
  unitType: z.enum(TARGET_UNIT_TYPES),
  unitKey: z.string(),
  unitName: z.string(),
});
export type TargetUnitOption = z.infer<typeof targetUnitOptionSchema>;
export const targetUnitOptionsSchema = z.object({ items: z.array(targetUnitOptionSchema) });

const targetYear = z.number().int().min(2000).max(2100);
const targetUnit = {
  unitType: z.enum(TARGET_UNIT_TYPES),
  unitKey: z.string().trim().min(1).max(200),
};

export const setTargetsBody = z.strictObject({
  year: targetYear,
  ...targetUnit,
  // Parks only: other units are named by their record.
  unitName: z.string().trim().min(1).max(200).optional(),
  /** A value sets the metric's target; null removes it. */
  values: z.partialRecord(
    z.enum(TARGET_METRICS),
    z.number().int().min(0).max(MONEY_LIMITS.maxYuan).nullable(),
  ),
});
export type SetTargetsBody = z.input<typeof setTargetsBody>;

export const deleteTargetsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  ...targetUnit,
});
// The query as the web builds it (year a number; the server coerces the query string).
export type DeleteTargetsQuery = z.output<typeof deleteTargetsQuery>;

export const setTargetsResultSchema = z.object({ ok: z.boolean() });
export const deleteTargetsResultSchema = z.object({ deleted: z.number().int() });
export type DeleteTargetsResult = z.infer<typeof deleteTargetsResultSchema>;

export const stageNormSchema = z.object({
  /** A STAGE_NORM_STAGES key. */
  stage: z.string(),
  label: bilingual,
  days: z.number().int(),
  defaultDays: z.number().int(),
  /** The zone set its own norm (otherwise the default applies). */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type StageNorm = z.infer<typeof stageNormSchema>;
export const stageNormListSchema = z.object({ items: z.array(stageNormSchema) });
export type StageNormList = z.infer<typeof stageNormListSchema>;

const normDays = z.number().int().min(STAGE_NORM_LIMITS.minDays).max(STAGE_NORM_LIMITS.maxDays);
/** Norms in days; null goes back to the default. */
export const setStageNormsBody = z.strictObject({
  norms: z.partialRecord(z.enum(STAGE_NORM_STAGES), normDays.nullable()),
});
export type SetStageNormsBody = z.input<typeof setStageNormsBody>;
