import type { Contact, Firm } from '../../../../shared/src/contract/firm';
import type { FirmRelation, FirmRelationKind } from '../../../../shared/src/contract/firm-relation';
import { findIndustry } from '../../../../shared/src/industry-codes';
import type { FirmTable, LinkFields } from '../../db/database';
import { buildSearchText } from '../../db/dialect-sql';
import { parseJsonArray } from '../../lib/json';
import type { RecordLink } from '../record-link/record-link';
import type { FirmAudience } from './firm.policy';
import type { FirmRow, RelationRow } from './firm.repository';

// The contract (shared/src/contract/firm.ts); re-exported for the routes, the import and the export.
export {
  type Contact,
  contactSchema,
  FIRM_SIZE_CLASSES,
  firmDetailSchema,
  firmSchema,
} from '../../../../shared/src/contract/firm';
export type FirmDto = Firm;

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
