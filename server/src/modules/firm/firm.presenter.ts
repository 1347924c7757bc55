import { z } from 'zod';
import {
  type FirmRelation,
  type FirmRelationKind,
  firmRelationSchema,
} from '../../../../shared/src/contract/firm-relation';
import { firmProjectSchema } from '../../../../shared/src/contract/project';
import { findIndustry } from '../../../../shared/src/industry-codes';
import type { FirmTable, LinkFields } from '../../db/database';
import { buildSearchText } from '../../db/dialect-sql';
import { parseJsonArray } from '../../lib/json';
import { type RecordLink, recordLinkSchema } from '../record-link/record-link';
import type { FirmAudience } from './firm.policy';
import type { FirmRow, RelationRow } from './firm.repository';

export const FIRM_SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;

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
export type FirmDto = z.infer<typeof firmSchema>;

export const firmDetailSchema = firmSchema.extend({
  /** Staff only: the 以商招商 graph names other firms and carries the zone's notes on them. */
  relations: z.array(firmRelationSchema).optional(),
  /** Projects it invests in, signs for (项目公司) or (staff only) was approached for, each labelled. */
  projects: z.array(firmProjectSchema),
  /** Staff only: leads are the zone's internal pipeline. */
  leads: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })).optional(),
});

/** `links`: the displays of the links on this page of firms (record-link.ts: linkDisplays). */
export function presentFirm(
  row: FirmRow,
  links: ReadonlyMap<string, RecordLink>,
  audience: FirmAudience,
): FirmDto {
  const facts = {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    aliases: parseJsonArray<string>(row.aliases_json),
    englishName: row.english_name,
    uscc: row.uscc,
    region: row.region,
    industryCode: row.industry_code,
    industryName: row.industry_code ? (findIndustry(row.industry_code)?.name ?? null) : null,
    registeredCapital: row.registered_capital === null ? null : Number(row.registered_capital),
    sizeClass: (row.size_class as FirmDto['sizeClass']) ?? null,
    listedExchange: row.listed_exchange,
    listedCode: row.listed_code,
    parentGroup: row.parent_group,
    isLocal: row.is_local === 1,
    businessScope: row.business_scope,
    chainLink: row.chain_link,
    linkId: row.link_id,
    link: row.link_id ? (links.get(row.link_id) ?? null) : null,
    contacts: parseJsonArray<Contact>(row.contacts_json),
    projectCount: row.project_count,
    isSample: row.is_sample === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (audience === 'firm') return facts;
  return {
    ...facts,
    tags: parseJsonArray<string>(row.tags_json),
    note: row.note,
    leadCount: row.lead_count,
  };
}

export function presentRelation(r: RelationRow): FirmRelation {
  return {
    id: r.id,
    fromFirmId: r.from_firm_id,
    fromFirmName: r.from_firm_name,
    toFirmId: r.to_firm_id,
    toFirmName: r.to_firm_name,
    kind: r.kind as FirmRelationKind,
    note: r.note,
  };
}

/** What a firm is found by in search: its names, code, place, industry, chain and tags. */
export function firmSearchText(row: Omit<FirmTable, 'search_text'>): string {
  return buildSearchText([
    row.name,
    row.short_name,
    ...parseJsonArray<string>(row.aliases_json),
    row.english_name,
    row.uscc,
    row.region,
    row.industry_code ? findIndustry(row.industry_code)?.name : null,
    row.chain_link,
    row.parent_group,
    row.listed_code,
    ...parseJsonArray<string>(row.tags_json),
  ]);
}

/** The audit trail's view of a firm: the row without the derived search text. */
export function auditableFirm(row: Partial<FirmTable & LinkFields>): Record<string, unknown> {
  const { search_text: _s, ...rest } = row;
  return rest;
}
