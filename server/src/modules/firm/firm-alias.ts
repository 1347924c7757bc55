import type { Kysely, Transaction } from 'kysely';
import type { Database, FirmAliasTable } from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import { normaliseFirmName } from './firm-name';

/**
 * A firm's other names (issue 16) — 简称 short name, 曾用名 former names, English name — and their
 * index `firm_alias`, which the duplicate check, imports and news intake look names up in.
 * The names live on the firm row; every writer of those columns calls `replaceFirmAliases`.
 */

type Q = Kysely<Database> | Transaction<Database>;

export const FIRM_ALIAS_KINDS = ['short', 'former', 'english'] as const;
export type FirmAliasKind = (typeof FIRM_ALIAS_KINDS)[number];

/** The columns a firm's aliases are read from. */
export interface FirmNames {
  id: string;
  name: string;
  short_name?: string | null | undefined;
  aliases_json?: string | undefined;
  english_name?: string | null | undefined;
}

/** The other names of a firm, each once (by normalised form), never its own name again. */
export function firmAliasRows(f: FirmNames): FirmAliasTable[] {
  const own = normaliseFirmName(f.name);
  const named: Array<[string | null | undefined, FirmAliasKind]> = [
    [f.short_name, 'short'],
    ...parseJsonArray<string>(f.aliases_json).map((n): [string, FirmAliasKind] => [n, 'former']),
    [f.english_name, 'english'],
  ];
  const seen = new Set<string>([own]);
  const rows: FirmAliasTable[] = [];
  for (const [raw, kind] of named) {
    const name = raw?.trim();
    if (!name) continue;
    const norm = normaliseFirmName(name);
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    rows.push({ firm_id: f.id, name, name_norm: norm, kind });
  }
  return rows;
}

/** Rewrites the alias index of these firms from their name columns (inside the caller's transaction). */
export async function replaceFirmAliases(db: Q, firms: readonly FirmNames[]): Promise<void> {
  // Parameters per statement stay under SQLite's limit (32766) with room to spare.
  const CHUNK = 500;
  for (let i = 0; i < firms.length; i += CHUNK) {
    const chunk = firms.slice(i, i + CHUNK);
    await db
      .deleteFrom('firm_alias')
      .where(
        'firm_id',
        'in',
        chunk.map((f) => f.id),
      )
      .execute();
    const rows = chunk.flatMap(firmAliasRows);
    for (let j = 0; j < rows.length; j += CHUNK) {
      await db
        .insertInto('firm_alias')
        .values(rows.slice(j, j + CHUNK))
        .execute();
    }
  }
}

export interface AliasHit {
  id: string;
  name: string;
  uscc: string | null;
  alias: string;
  aliasKind: FirmAliasKind;
  aliasNorm: string;
}

/** Firms with an alias whose normalised form is one of `norms` (with the alias that matched). */
export async function firmsByAliasNorm(db: Q, norms: readonly string[]): Promise<AliasHit[]> {
  const unique = [...new Set(norms.filter(Boolean))];
  const out: AliasHit[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('firm_alias')
      .innerJoin('firm', 'firm.id', 'firm_alias.firm_id')
      .select([
        'firm.id',
        'firm.name',
        'firm.uscc',
        'firm_alias.name as alias',
        'firm_alias.kind',
        'firm_alias.name_norm',
      ])
      .where('firm_alias.name_norm', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        name: r.name,
        uscc: r.uscc,
        alias: r.alias,
        aliasKind: r.kind as FirmAliasKind,
        aliasNorm: r.name_norm,
      });
    }
  }
  return out;
}

/** A firm that may be the one being entered, and why: same USCC, same name, or a name it is known by. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  uscc: string | null;
  reason: 'uscc' | 'name' | 'alias';
  /** The existing firm's alias (or name) that the entered names matched; null for a USCC match. */
  matched: string | null;
}

/**
 * Existing firms the entered names and USCC may denote: the USCC, any entered name (the name, short,
 * former or English names) equal after normalisation to a firm's name or to one of its aliases.
 * 乖宝宠物 finds 乖宝宠物食品集团股份有限公司 by its short name. Each firm once, the strongest reason.
 */
export async function findDuplicateCandidates(
  db: Q,
  f: { names: ReadonlyArray<string | null | undefined>; uscc: string | null; excludeId?: string | null },
): Promise<DuplicateCandidate[]> {
  const norms = [...new Set(f.names.flatMap((n) => (n?.trim() ? [normaliseFirmName(n)] : [])))].filter(
    Boolean,
  );
  const out = new Map<string, DuplicateCandidate>();
  const add = (c: DuplicateCandidate) => {
    if (c.id !== f.excludeId && !out.has(c.id)) out.set(c.id, c);
  };
  if (f.uscc) {
    const rows = await db
      .selectFrom('firm')
      .select(['id', 'name', 'uscc'])
      .where('uscc', '=', f.uscc)
      .execute();
    for (const r of rows) add({ ...r, reason: 'uscc', matched: null });
  }
  if (norms.length > 0) {
    const rows = await db
      .selectFrom('firm')
      .select(['id', 'name', 'uscc'])
      .where('name_norm', 'in', norms)
      .limit(20)
      .execute();
    for (const r of rows) add({ ...r, reason: 'name', matched: r.name });
    for (const h of await firmsByAliasNorm(db, norms)) {
      add({ id: h.id, name: h.name, uscc: h.uscc, reason: 'alias', matched: h.alias });
    }
  }
  return [...out.values()].slice(0, 20);
}
