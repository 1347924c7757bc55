import type { FirmTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { firmSearchText } from './firm.presenter';
import { normaliseFirmName } from './firm-name';

/** The fields a new firm row names; everything else takes its empty default. */
export type FirmSeed = Partial<FirmTable> & { name: string };

/**
 * A whole new firm row: the given fields over the defaults (empty lists, local, version 1), with its
 * id, timestamps, normalised name and search text. The one builder for the form, the Excel import
 * and the demo.
 */
export function newFirmRow(f: FirmSeed, nowIso: string): FirmTable {
  const base: Omit<FirmTable, 'search_text'> = {
    id: newId(),
    name_norm: normaliseFirmName(f.name),
    short_name: null,
    aliases_json: '[]',
    english_name: null,
    uscc: null,
    region: null,
    industry_code: null,
    registered_capital: null,
    size_class: null,
    listed_exchange: null,
    listed_code: null,
    parent_group: null,
    is_local: 1,
    business_scope: null,
    chain_link: null,
    contacts_json: '[]',
    tags_json: '[]',
    note: null,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...f,
  };
  return { ...base, search_text: firmSearchText(base) };
}
