import { z } from 'zod';
import { LEAD_STATUS_KEYS } from '../lead-status';
import { FIRM_SIZE_CLASSES } from '../pipeline-enums';
import { PROJECT_STAGE_KEYS } from '../project-stage';
import { TEXT_LIMITS } from '../text';
import { idString, longText, money, personName, shortText } from './fields';
import { firmRelationSchema } from './firm-relation';
import { firmProjectSchema } from './project';
import { recordLinkSchema } from './record-link';

/** Firms of the register (企业库): what the API takes and answers. */

export { FIRM_SIZE_CLASSES, type FirmSizeClass } from '../pipeline-enums';

export const contactSchema = z.object({
  name: z.string(),
  title: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const firmSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  /** 英文名 */
  englishName: z.string().nullable(),
  uscc: z.string().nullable(),
  region: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  sizeClass: z.enum(FIRM_SIZE_CLASSES).nullable(),
  listedExchange: z.string().nullable(),
  listedCode: z.string().nullable(),
  parentGroup: z.string().nullable(),
  isLocal: z.boolean(),
  businessScope: z.string().nullable(),
  chainLink: z.string().nullable(),
  /** The chain link (环节) the firm is attached to; `chainLink` stays for imported free text. */
  linkId: z.string().nullable(),
  link: recordLinkSchema.nullable(),
  contacts: z.array(contactSchema),
  /** Staff only (decision 011): the zone's labels, note and lead count are absent for a firm. */
  tags: z.array(z.string()).optional(),
  note: z.string().nullable().optional(),
  projectCount: z.number().int(),
  leadCount: z.number().int().optional(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Firm = z.infer<typeof firmSchema>;

export const firmDetailSchema = firmSchema.extend({
  /** Staff only: the 以商招商 graph names other firms and carries the zone's notes on them. */
  relations: z.array(firmRelationSchema).optional(),
  /** Projects it invests in, signs for (项目公司) or (staff only) was approached for, each labelled. */
  projects: z.array(firmProjectSchema.extend({ stage: z.enum(PROJECT_STAGE_KEYS) })),
  /** Staff only: leads are the zone's internal pipeline. */
  leads: z
    .array(z.object({ id: z.string(), title: z.string(), status: z.enum(LEAD_STATUS_KEYS) }))
    .optional(),
});
export type FirmDetail = z.infer<typeof firmDetailSchema>;

/** The editable fields of a firm; the USCC check character is verified by the service. */
export const firmFields = {
  shortName: shortText.nullable().optional(),
  /** 曾用名 and other names the firm is known by; with the short and English names, the duplicate check finds them. */
  aliases: z.array(z.string().trim().min(1).max(TEXT_LIMITS.name)).max(20).optional(),
  englishName: z.string().trim().max(TEXT_LIMITS.name).nullable().optional(),
  uscc: z.string().trim().max(40).nullable().optional(),
  region: shortText.nullable().optional(),
  industryCode: z.string().trim().max(8).nullable().optional(),
  registeredCapital: money.nullable().optional(),
  sizeClass: z.enum(FIRM_SIZE_CLASSES).nullable().optional(),
  listedExchange: shortText.nullable().optional(),
  listedCode: z.string().trim().max(20).nullable().optional(),
  parentGroup: shortText.nullable().optional(),
  isLocal: z.boolean().optional(),
  businessScope: longText.nullable().optional(),
  chainLink: shortText.nullable().optional(),
  /** The chain link (环节) from the picker; must exist (400 on `linkId`). */
  linkId: idString.nullable().optional(),
  contacts: z
    .array(
      z.strictObject({
        name: personName.min(1),
        title: z.string().trim().max(64).nullable().optional(),
        phone: z.string().trim().max(40).nullable().optional(),
      }),
    )
    .max(20)
    .optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  note: longText.nullable().optional(),
  /** Save although a firm with the same normalised name exists (never overrides a USCC clash). */
  confirmNotDuplicate: z.boolean().optional(),
};
/** The editable fields as the web sends them; PATCH sends only what changed plus `version`. */
export type FirmInput = z.input<z.ZodObject<typeof firmFields>> & { name?: string };

/** A possible duplicate named by a 409 DUPLICATE_FIRM (its `details.duplicates`). */
export const firmDuplicateSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  /** Why it may be the same firm: same USCC, same name, or the name entered is one of its aliases. */
  reason: z.enum(['uscc', 'name', 'alias']).optional(),
  /** Its name or alias that the entered names matched. */
  matched: z.string().nullable().optional(),
});
export type FirmDuplicate = z.infer<typeof firmDuplicateSchema>;
