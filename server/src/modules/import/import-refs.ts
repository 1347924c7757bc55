import type { Bilingual } from '../../../../shared/src/i18n-message';
import { validateUscc } from '../../../../shared/src/uscc';
import { normaliseFirmName } from '../firm/firm-name';
import * as repo from './import.repository';
import { looksLikeUscc } from './import-cells';
import type { Q } from './import-plan';

/**
 * References typed into a row — a firm by USCC or by name, a user by username — resolved for the
 * whole file in a few IN (…) queries instead of one query per row.
 */
export type FirmRef =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: 'not_found' | 'ambiguous' | 'bad_uscc'; message: Bilingual };

/**
 * A USCC must be in the register; a name matches exactly, else by normalised name (乖宝宠物食品集团
 * finds 乖宝宠物食品集团股份有限公司), and must name one firm only.
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
    let hits = byName.filter((x) => x.name === ref);
    if (hits.length === 0) {
      const norm = normaliseFirmName(ref);
      hits = byNorm.filter((x) => x.name_norm === norm);
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

/** Users by username; the role rule (officer or admin) stays in the lead and project services. */
export async function resolveUsers(db: Q, usernames: readonly string[]): Promise<Map<string, UserRef>> {
  const found = new Map((await repo.usersByUsername(db, usernames)).map((u) => [u.username, u]));
  return new Map(
    [...new Set(usernames)].map((name) => {
      const u = found.get(name);
      return [
        name,
        u
          ? ({ ok: true, id: u.id } as const)
          : ({
              ok: false,
              message: { zh: `用户名“${name}”不存在`, en: `No user "${name}"` },
            } as const),
      ];
    }),
  );
}
