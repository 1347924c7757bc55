import type { Bilingual } from '../../../../shared/src/i18n-message';
import { validateUscc } from '../../../../shared/src/uscc';
import { firmsByAliasNorm } from '../firm/firm-alias';
import { normaliseFirmName } from '../firm/firm-name';
import * as repo from './import.repository';
import { looksLikeUscc } from './import-cells';
import { addIssues, type Issues, type Q } from './import-plan';
import { mergeIssues, type RowIssue } from './import-rows';

/**
 * References typed into a row — a firm by USCC or by name, a user by username — resolved for the
 * whole file in a few IN (…) queries instead of one query per row.
 */
export type FirmRef =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: 'not_found' | 'ambiguous' | 'bad_uscc'; message: Bilingual };

/**
 * A USCC must be in the register; a name matches exactly, else by normalised name (乖宝宠物食品集团
 * finds 乖宝宠物食品集团股份有限公司), else by a short, former or English name (乖宝宠物), and must
 * name one firm only.
 */
export async function resolveFirmRefs(db: Q, refs: readonly string[]): Promise<Map<string, FirmRef>> {
  const unique = [...new Set(refs)];
  const usccOf = new Map<string, string>();
  const out = new Map<string, FirmRef>();
  for (const ref of unique) {
    if (!looksLikeUscc(ref)) continue;
    const v = validateUscc(ref);
    if (v.ok) usccOf.set(ref, v.value);
    else out.set(ref, { ok: false, reason: 'bad_uscc', message: v.message });
  }
  const names = unique.filter((r) => !looksLikeUscc(r));
  const [byUscc, byName, byNorm] = await repo.firmRefs(db, {
    usccs: [...usccOf.values()],
    names,
    norms: names.map(normaliseFirmName),
  });
  const byAlias = await firmsByAliasNorm(db, names.map(normaliseFirmName));
  for (const ref of unique) {
    if (out.has(ref)) continue;
    const uscc = usccOf.get(ref);
    if (uscc) {
      const f = byUscc.find((x) => x.uscc === uscc);
      out.set(
        ref,
        f
          ? { ok: true, id: f.id, name: f.name }
          : {
              ok: false,
              reason: 'not_found',
              message: {
                zh: `统一社会信用代码“${uscc}”不在企业库中，请先导入或新建该企业`,
                en: `No firm with USCC ${uscc} in the register; import or create it first`,
              },
            },
      );
      continue;
    }
    let hits: Array<{ id: string; name: string }> = byName.filter((x) => x.name === ref);
    if (hits.length === 0) {
      const norm = normaliseFirmName(ref);
      hits = byNorm.filter((x) => x.name_norm === norm);
      if (hits.length === 0) {
        const ids = new Set(byAlias.filter((x) => x.aliasNorm === norm).map((x) => x.id));
        hits = byAlias.filter((x) => ids.delete(x.id));
      }
    }
    const [first] = hits;
    if (hits.length === 1 && first) out.set(ref, { ok: true, id: first.id, name: first.name });
    else if (hits.length > 1) {
      out.set(ref, {
        ok: false,
        reason: 'ambiguous',
        message: {
          zh: `企业库中有${hits.length}家企业名为“${ref}”，请改填统一社会信用代码`,
          en: `${hits.length} firms are named "${ref}"; give the USCC instead`,
        },
      });
    } else {
      out.set(ref, {
        ok: false,
        reason: 'not_found',
        message: {
          zh: `企业“${ref}”不在企业库中，请先导入或新建该企业`,
          en: `No firm "${ref}" in the register; import or create it first`,
        },
      });
    }
  }
  return out;
}

export type UserRef = { ok: true; id: string } | { ok: false; message: Bilingual };

/**
 * Users by username, else by the name the exports show (an exported list names its 招商专员 and 负责人
 * that way, and must import back) when exactly one user has it. The role rule (officer or admin)
 * stays in the lead and project services.
 */
export async function resolveUsers(db: Q, refs: readonly string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(refs)];
  const found = new Map((await repo.usersByUsername(db, unique)).map((u) => [u.username, u.id]));
  const rest = unique.filter((r) => !found.has(r));
  const byDisplay = new Map<string, string[]>();
  for (const u of rest.length > 0 ? await repo.usersByDisplayName(db, rest) : []) {
    byDisplay.set(u.display_name, [...(byDisplay.get(u.display_name) ?? []), u.id]);
  }
  return new Map(
    unique.map((ref): [string, UserRef] => {
      const id = found.get(ref);
      if (id) return [ref, { ok: true, id }];
      const named = byDisplay.get(ref) ?? [];
      const [only] = named;
      if (named.length === 1 && only) return [ref, { ok: true, id: only }];
      return [
        ref,
        {
          ok: false,
          message:
            named.length > 1
              ? {
                  zh: `有${named.length}个用户名叫“${ref}”，请改填用户名`,
                  en: `${named.length} users are called "${ref}"; give the username instead`,
                }
              : { zh: `用户名“${ref}”不存在`, en: `No user "${ref}"` },
        },
      ];
    }),
  );
}

/** "宠物产业链 › 零食", "宠物产业链>零食", "宠物产业链/零食" (full-width forms too, after NFKC). */
const LINK_SEPARATOR = /[›>/]/;
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

interface LinkName {
  id: string;
  chain: string;
  /** Names of the links above it, top first (the picker's "宠物产业链 / 宠物食品 / 零食"). */
  above: string[];
}

/**
 * 产业链环节 cells that name a chain link of the zone: cell text → link id. Read: "链名 › 环节名" (as
 * the export writes it; also > or /), the picker's full path "链名 / 上级环节 / 环节名", or the link's
 * name alone when exactly one link has it. Text that names no link, or more than one, is left out:
 * it stays free text (vendors' sheets carry their own chain names, which are not errors). One
 * query for the whole file.
 */
export async function resolveLinkRefs(db: Q, texts: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(texts)];
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  const rows = await repo.allLinks(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, LinkName[]>();
  for (const l of rows) {
    const above: string[] = [];
    // Links nest a few levels at most; the guard only stops a corrupt parent cycle.
    for (let p = l.parent_id; p && above.length < 16; p = byId.get(p)?.parent_id ?? null) {
      above.unshift(norm(byId.get(p)?.name ?? ''));
    }
    const name = norm(l.name);
    byName.set(name, [...(byName.get(name) ?? []), { id: l.id, chain: norm(l.chain_name), above }]);
  }
  for (const text of unique) {
    const t = norm(text);
    const parts = t.split(LINK_SEPARATOR).map((p) => p.trim());
    const chain = parts[0];
    const name = parts[parts.length - 1];
    const middle = parts.slice(1, -1).join('\u0000');
    let hits: LinkName[] = [];
    if (parts.length >= 2 && chain && name) {
      hits = (byName.get(name) ?? []).filter(
        (l) => l.chain === chain && (parts.length === 2 || l.above.join('\u0000') === middle),
      );
    }
    // A link whose own name holds a separator ("电池/储能") is still found by its whole name.
    if (hits.length !== 1) hits = byName.get(t) ?? [];
    const [only] = hits;
    if (hits.length === 1 && only) out.set(text, only.id);
  }
  return out;
}

/**
 * Puts a resolved 产业链环节 cell on the record's link instead of its free text. The free text is then
 * left as it was (not blanked): a re-import of an export must not wipe a vendor's chain name.
 */
export function applyLinkRef(
  input: { chainLink?: string | null | undefined; linkId?: string | null | undefined },
  links: ReadonlyMap<string, string>,
): void {
  const id = input.chainLink ? links.get(input.chainLink) : undefined;
  if (!id) return;
  input.linkId = id;
  delete input.chainLink;
}

/** The 产业链环节 texts of a file's checked rows, for resolveLinkRefs. */
export const chainLinkTexts = (inputs: ReadonlyArray<{ chainLink?: string | null | undefined }>) =>
  inputs.flatMap((i) => (i.chainLink ? [i.chainLink] : []));

/** A row that failed its field checks, with what could be read of it. */
export interface FailedRow {
  rowNumber: number;
  values: Record<string, unknown>;
  issues: RowIssue[];
}

/** The text of a cell read from a failed row, if it is one (what references are resolved from). */
export function textValue(values: Record<string, unknown>, key: string): string[] {
  const v = values[key];
  return typeof v === 'string' && v ? [v] : [];
}

/**
 * Reports failed rows with their reference problems too (an unknown investor beside a bad amount),
 * so a file is corrected in one round: `refIssues` gives a failed row's problems from the resolved
 * references; a column the field checks already flagged keeps its first message.
 */
export function reportFailedRows(
  issues: Issues,
  failed: readonly FailedRow[],
  refIssues: (row: FailedRow) => RowIssue[],
): void {
  for (const row of failed) addIssues(issues, row.rowNumber, mergeIssues(row.issues, refIssues(row)));
}
