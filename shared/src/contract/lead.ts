import { z } from 'zod';
import { LEAD_STATUS_KEYS, LEAD_STATUS_LIMITS } from '../lead-status';
import { FOLLOWUP_KINDS, LEAD_SOURCES } from '../pipeline-enums';
import { attachmentUpload } from './attachment';
import { idString, localDate, longText, money, nameText, shortText, version } from './fields';
import { itemsResponse } from './list';
import { projectSchema } from './project';
import { recordLinkSchema } from './record-link';

/** Leads (招商线索) and their follow-ups: what the API takes and answers. */

export const leadSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  targetFirmId: z.string().nullable(),
  targetFirmName: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  referrerFirmId: z.string().nullable(),
  referrerFirmName: z.string().nullable(),
  /** Imported free text; the picked chain link (环节) is `linkId` / `link`. */
  chainLink: z.string().nullable(),
  linkId: z.string().nullable(),
  link: recordLinkSchema.nullable(),
  estimatedInvestment: z.number().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(LEAD_STATUS_KEYS),
  statusReason: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepDate: z.string().nullable(),
  /** nextStepDate is before today (Asia/Shanghai) and the lead is not final. */
  overdue: z.boolean(),
  projectId: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;

export const followupSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  kind: z.enum(FOLLOWUP_KINDS),
  date: z.string(),
  people: z.string().nullable(),
  notes: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  /** Site photos (resized in the browser); GET /api/attachments/:id serves each. */
  photos: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
  /** The phone's position when the officer chose to attach it; null otherwise. */
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type Followup = z.infer<typeof followupSchema>;
export const followupListSchema = itemsResponse(followupSchema);

/** Signing a lead answers the lead and the project it created. */
export const signedLeadSchema = z.object({ lead: leadSchema, project: projectSchema });
export type SignedLead = z.infer<typeof signedLeadSchema>;

/** The editable fields of a lead besides title and source; imports and intake take the same. */
export const leadFields = {
  targetFirmId: idString.nullable().optional(),
  /** The target's name when it is not in the firm register yet. */
  targetFirmName: nameText.nullable().optional(),
  referrerFirmId: idString.nullable().optional(),
  chainLink: shortText.nullable().optional(),
  /** The chain link (环节) from the picker; must exist (400 on `linkId`). */
  linkId: idString.nullable().optional(),
  estimatedInvestment: money.nullable().optional(),
  ownerId: idString.nullable().optional(),
  nextStep: shortText.nullable().optional(),
  nextStepDate: localDate.nullable().optional(),
};

export const createLeadBody = z.strictObject({
  title: nameText,
  source: z.enum(LEAD_SOURCES),
  ...leadFields,
});
export type CreateLeadBody = z.input<typeof createLeadBody>;

export const updateLeadBody = z.strictObject({
  version,
  title: nameText.optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  ...leadFields,
});
export type UpdateLeadBody = z.input<typeof updateLeadBody>;

export const moveLeadStatusBody = z.strictObject({
  to: z.enum(LEAD_STATUS_KEYS),
  reason: z.string().trim().max(LEAD_STATUS_LIMITS.reasonMaxLength).nullable().optional(),
  version,
});
export type MoveLeadStatusBody = z.input<typeof moveLeadStatusBody>;

/** Photos a follow-up may carry: a visit's site photos, not an archive. */
export const FOLLOWUP_MAX_PHOTOS = 6;

export const addFollowupBody = z.strictObject({
  kind: z.enum(FOLLOWUP_KINDS),
  date: localDate,
  people: shortText.nullable().optional(),
  notes: longText.nullable().optional(),
  photos: z.array(attachmentUpload).max(FOLLOWUP_MAX_PHOTOS).optional(),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .nullable()
    .optional(),
});
export type AddFollowupBody = z.input<typeof addFollowupBody>;

export const signLeadBody = z.strictObject({
  version,
  projectName: nameText,
  totalInvestment: money.nullable().optional(),
  park: shortText.nullable().optional(),
  signedDate: localDate,
});
export type SignLeadBody = z.input<typeof signLeadBody>;

/** The editable fields as the web's forms send them (an edit adds the version read). */
export type LeadInput = Omit<UpdateLeadBody, 'version'>;
