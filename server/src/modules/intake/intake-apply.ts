// Applying one accepted proposal through the pipeline's own service functions (the same validated
// paths as the forms: USCC and duplicate checks, lead rules, the stage machine, record ownership,
// audit rows). The caller runs every call in one transaction (joinedDb) and writes provenance.

import { z } from 'zod';
import { INTAKE_PROJECT_FIELDS, SIGNAL_KINDS } from '../../../../shared/src/intake';
import {
  PROJECT_STAGE_KEYS,
  PROJECT_STAGE_LIMITS,
  PROJECT_STAGES,
} from '../../../../shared/src/project-stage';
import type { IntakeProposalTable } from '../../db/database';
import { localDate, nameText } from '../../lib/fields';
import type { ServiceContext } from '../../plugins/context';
import { firmFields } from '../firm/firm.routes';
import { createFirm, getFirm, updateFirm } from '../firm/firm.service';
import { leadFields } from '../lead/lead.routes';
import { createLead } from '../lead/lead.service';
import { projectFields } from '../project/project.routes';
import { getProject, updateProject } from '../project/project.service';
import { moveProjectStage } from '../project/project-stage.service';
import type { Touched } from './intake.presenter';
import type { Span } from './types';

const figureFields = Object.fromEntries(INTAKE_PROJECT_FIELDS.map((k) => [k, projectFields[k]])) as {
  [K in (typeof INTAKE_PROJECT_FIELDS)[number]]: (typeof projectFields)[K];
};

/** What each kind's payload may hold: the route schemas of the forms, so an edit is checked alike. */
export const PAYLOAD_SCHEMAS = {
  create_firm: z.strictObject({ name: nameText, ...firmFields }),
  create_lead: z.strictObject({ title: nameText, ...leadFields }),
  update_project_stage: z.strictObject({
    to: z.enum(PROJECT_STAGE_KEYS),
    date: localDate,
    reason: z.string().trim().max(PROJECT_STAGE_LIMITS.reasonMaxLength).nullable().optional(),
  }),
  update_project_figures: z
    .strictObject({
      /** Values to set; an empty (null) one keeps the stored value — it never erases it. */
      fields: z.strictObject(figureFields),
      /** Fields the officer chose to clear (清空): the only way applying removes a stored value. */
      clear: z.array(z.enum(INTAKE_PROJECT_FIELDS)).max(INTAKE_PROJECT_FIELDS.length).optional(),
    })
    .refine((p) => Object.keys(p.fields).length > 0 || (p.clear?.length ?? 0) > 0, {
      message: 'at least one field',
      path: ['fields'],
    }),
  add_signal_tag: z.strictObject({
    tag: z.string().trim().min(1).max(40),
    signal: z.enum(SIGNAL_KINDS as [string, ...string[]]).optional(),
    sentence: z.string().max(400).optional(),
  }),
} as const;

function orderOf(stage: string): number | null {
  return PROJECT_STAGES.find((s) => s.key === stage)?.order ?? null;
}

export type ProposalKindKey = keyof typeof PAYLOAD_SCHEMAS;

/** Creates before updates, so a lead or a tag can use a firm created from the same intake. */
export const APPLY_ORDER: Record<ProposalKindKey, number> = {
  create_firm: 0,
  add_signal_tag: 1,
  create_lead: 2,
  update_project_figures: 3,
  update_project_stage: 4,
};

/** Why a value stands in a record: read from news (a figure there is an estimate), edited or cleared. */
export type ValueBasis = 'news_estimate' | 'news' | 'officer_edit' | 'officer_clear';

/** One value applied, with where in the article it was read (provenance per value). */
export interface AppliedValue {
  field: string;
  value: unknown;
  span: Span | null;
  basis: ValueBasis;
}

export interface ApplyOutcome {
  touched: Touched | null;
  /** Fields the change set, for the provenance row. */
  fields: string[];
  values: AppliedValue[];
}

/** The proposal as read: the span of each field, and the values proposed (to tell an edit apart). */
export interface ProposalEvidence {
  fieldSpans: Readonly<Record<string, Span>>;
  proposed: Readonly<Record<string, unknown>>;
}

/** Figures read from news are estimates (a journalist's number), not figures the firm reported. */
const ESTIMATE_FIELDS = new Set([
  'totalInvestment',
  'expectedOutput',
  'expectedTax',
  'expectedJobs',
  'capacityQuantity',
  'estimatedInvestment',
]);

/** The applied values of `set`, each with its span and basis. */
export function appliedValues(set: Record<string, unknown>, evidence: ProposalEvidence): AppliedValue[] {
  return Object.entries(set).map(([field, value]) => {
    const edited = JSON.stringify(evidence.proposed[field] ?? null) !== JSON.stringify(value ?? null);
    const basis: ValueBasis =
      value === null
        ? 'officer_clear'
        : edited
          ? 'officer_edit'
          : ESTIMATE_FIELDS.has(field)
            ? 'news_estimate'
            : 'news';
    return { field, value, span: evidence.fieldSpans[field] ?? null, basis };
  });
}

/** The update an accepted figures payload makes: set values, and clear only what the officer chose. */
type FiguresPayload = z.infer<(typeof PAYLOAD_SCHEMAS)['update_project_figures']>;

export function figuresUpdate(input: FiguresPayload): FiguresPayload['fields'] {
  const set: FiguresPayload['fields'] = {};
  for (const k of INTAKE_PROJECT_FIELDS) {
    const v = input.fields[k];
    if (v !== null && v !== undefined && v !== '') Object.assign(set, { [k]: v });
  }
  for (const k of input.clear ?? []) Object.assign(set, { [k]: null });
  return set;
}

/**
 * Applies one proposal with its (possibly edited, already validated) payload. `created` holds the
 * ids of firms created earlier in the same apply, by proposal id. `note` names the article.
 */
export async function applyProposal(
  ctx: ServiceContext,
  p: IntakeProposalTable,
  payload: Record<string, unknown>,
  created: ReadonlyMap<string, string>,
  note: string,
  evidence: ProposalEvidence,
): Promise<ApplyOutcome> {
  switch (p.kind as ProposalKindKey) {
    case 'create_firm': {
      const input = PAYLOAD_SCHEMAS.create_firm.parse(payload);
      const firm = await createFirm(ctx, input);
      return {
        touched: { entity: 'firm', id: firm.id, name: firm.name, action: 'create', proposalId: p.id },
        fields: Object.keys(input),
        values: appliedValues(input, evidence),
      };
    }
    case 'create_lead': {
      const input = PAYLOAD_SCHEMAS.create_lead.parse(payload);
      const firmId = p.depends_on ? created.get(p.depends_on) : undefined;
      const lead = await createLead(ctx, {
        ...input,
        ...(firmId ? { targetFirmId: firmId, targetFirmName: null } : {}),
        source: 'news',
      });
      return {
        touched: { entity: 'lead', id: lead.id, name: lead.title, action: 'create', proposalId: p.id },
        fields: [...Object.keys(input), 'source', ...(firmId ? ['targetFirmId'] : [])],
        values: appliedValues(input, evidence),
      };
    }
    case 'update_project_stage': {
      const input = PAYLOAD_SCHEMAS.update_project_stage.parse(payload);
      const id = p.target_id ?? '';
      const before = await getProject(ctx, id);
      // The article is noted on a forward move; a backward one needs the officer's own reason.
      const forward = (orderOf(input.to) ?? 0) > (orderOf(before.stage) ?? Number.POSITIVE_INFINITY);
      const reason = input.reason ?? (forward ? note.slice(0, PROJECT_STAGE_LIMITS.reasonMaxLength) : null);
      const project = await moveProjectStage(ctx, id, {
        to: input.to,
        date: input.date,
        reason,
        version: before.version,
      });
      return {
        touched: { entity: 'project', id, name: project.name, action: 'stage', proposalId: p.id },
        fields: ['stage', 'stageDate'],
        values: appliedValues({ to: input.to, date: input.date }, evidence),
      };
    }
    case 'update_project_figures': {
      const input = PAYLOAD_SCHEMAS.update_project_figures.parse(payload);
      const id = p.target_id ?? '';
      const set = figuresUpdate(input);
      if (Object.keys(set).length === 0) return { touched: null, fields: [], values: [] };
      const before = await getProject(ctx, id);
      // Figures read from news are estimates (估算) until a report or an officer says otherwise.
      const project = await updateProject(
        ctx,
        id,
        { ...set, version: before.version },
        { origin: 'intake', source: 'estimated' },
      );
      return {
        touched: { entity: 'project', id, name: project.name, action: 'update', proposalId: p.id },
        fields: Object.keys(set),
        values: appliedValues(set, evidence),
      };
    }
    case 'add_signal_tag': {
      const input = PAYLOAD_SCHEMAS.add_signal_tag.parse(payload);
      const id = p.target_id ?? (p.depends_on ? created.get(p.depends_on) : undefined) ?? '';
      const firm = await getFirm(ctx, id);
      const tags = firm.tags ?? []; // applying intake is staff work: the staff view has tags
      if (tags.includes(input.tag)) return { touched: null, fields: [], values: [] };
      await updateFirm(ctx, id, { version: firm.version, tags: [...tags, input.tag] });
      return {
        touched: { entity: 'firm', id, name: firm.name, action: 'tag', proposalId: p.id },
        fields: ['tags'],
        values: appliedValues({ tag: input.tag }, evidence),
      };
    }
    default:
      throw new Error(`unknown proposal kind ${p.kind}`);
  }
}
