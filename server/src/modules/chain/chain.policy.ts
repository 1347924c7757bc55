import { CHAIN_LIMITS } from '../../../../shared/src/chain';
import type { ChainLinkTable } from '../../db/database';
import type { Actor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { assertFirmEditable } from '../firm/firm.policy';
import { assertLeadEditable } from '../lead/lead.policy';
import { assertProjectEditable } from '../project/project.policy';

/**
 * Who may do what to chains. Chains are the zone's shared plan, not anyone's records: every role with
 * chain.read sees every chain, chain.write (admin, officer) edits any chain, chain.weights (admin,
 * leader) sets the zone's ranking weights. Attaching a firm, lead or project to a link is an edit of
 * that record, so the record's own rule applies (an officer attaches their own leads and projects).
 */
export function assertRecordLinkable(
  actor: Actor,
  entity: 'firm' | 'lead' | 'project',
  row: { id: string; owner_id?: string | null; officer_id?: string | null },
): void {
  if (entity === 'firm') assertFirmEditable(actor);
  else if (entity === 'lead') assertLeadEditable(actor, { owner_id: row.owner_id ?? null });
  else assertProjectEditable(actor, { officer_id: row.officer_id ?? null });
}

type TreeLink = Pick<ChainLinkTable, 'id' | 'parent_id'>;

/** The link and all links beneath it. */
export function subtreeIds(links: readonly TreeLink[], rootId: string): string[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) {
    for (const l of links) if (l.parent_id === out[i]) out.push(l.id);
  }
  return out;
}

/** Depth of a link (a root is 1). */
export function depthOf(links: readonly TreeLink[], id: string | null): number {
  let depth = 0;
  let cur = id;
  const byId = new Map(links.map((l) => [l.id, l]));
  while (cur && depth <= CHAIN_LIMITS.maxDepth + 1) {
    depth++;
    cur = byId.get(cur)?.parent_id ?? null;
  }
  return depth;
}

/** Height of a subtree (a leaf is 1). */
function heightOf(links: readonly TreeLink[], id: string): number {
  const children = links.filter((l) => l.parent_id === id);
  return 1 + Math.max(0, ...children.map((c) => heightOf(links, c.id)));
}

const tooDeep = () =>
  errors.badRequest(
    'CHAIN_TOO_DEEP',
    {
      zh: `环节最多 ${CHAIN_LIMITS.maxDepth} 层`,
      en: `Links nest at most ${CHAIN_LIMITS.maxDepth} levels deep`,
    },
    [{ path: 'parentId', message: { zh: '层级过深', en: 'Too deep' } }],
  );

/** A new link under `parentId`: the chain stays under its size and depth limits. */
export function assertLinkAddable(links: readonly TreeLink[], parentId: string | null, adding = 1): void {
  if (links.length + adding > CHAIN_LIMITS.maxLinks) {
    throw errors.badRequest('CHAIN_TOO_LARGE', {
      zh: `一条产业链最多 ${CHAIN_LIMITS.maxLinks} 个环节`,
      en: `A chain has at most ${CHAIN_LIMITS.maxLinks} links`,
    });
  }
  if (parentId && !links.some((l) => l.id === parentId)) {
    throw errors.validation([
      { path: 'parentId', message: { zh: '上级环节不在本链中', en: 'The parent is not in this chain' } },
    ]);
  }
  if (depthOf(links, parentId) + 1 > CHAIN_LIMITS.maxDepth) throw tooDeep();
}

/** Moving `id` under `parentId`: not into itself or its own subtree, and not too deep. */
export function assertLinkMovable(links: readonly TreeLink[], id: string, parentId: string | null): void {
  if (parentId && subtreeIds(links, id).includes(parentId)) {
    throw errors.badRequest(
      'CHAIN_MOVE_CYCLE',
      {
        zh: '不能把环节移到它自己或它的下级之下',
        en: 'A link cannot move under itself or its own sub-links',
      },
      [{ path: 'parentId', message: { zh: '目标位置无效', en: 'Invalid target' } }],
    );
  }
  if (parentId && !links.some((l) => l.id === parentId)) {
    throw errors.validation([
      { path: 'parentId', message: { zh: '上级环节不在本链中', en: 'The parent is not in this chain' } },
    ]);
  }
  if (depthOf(links, parentId) + heightOf(links, id) > CHAIN_LIMITS.maxDepth) throw tooDeep();
}
