import type { ChainPosition, LinkPriority } from '../../../../shared/src/chain';
import type { ChainLinkTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertLinkAddable, assertLinkMovable, subtreeIds } from './chain.policy';
import { type LinkDto, presentLink } from './chain.presenter';
import * as repo from './chain.repository';
import { confirmOrExplain } from './chain.service';

/** The chain editor's operations on links (环节), each audited in its transaction. */

export interface LinkInput {
  parentId?: string | null | undefined;
  name: string;
  position?: ChainPosition | undefined;
  description?: string | null | undefined;
  industryCodes?: string[] | undefined;
  keywords?: string[] | undefined;
  priority?: LinkPriority | undefined;
  /** Place among its siblings (0 = first); default last. */
  index?: number | undefined;
}

/** Renumbers siblings 10, 20, … with `moving` placed at `index` (default last). */
function ordered(siblings: ChainLinkTable[], movingId: string, index: number | undefined) {
  const rest = siblings.filter((s) => s.id !== movingId).sort((a, b) => a.sort_order - b.sort_order);
  const at = index === undefined ? rest.length : Math.max(0, Math.min(index, rest.length));
  const ids = rest.map((s) => s.id);
  ids.splice(at, 0, movingId);
  return ids.map((linkId, i) => ({ linkId, sortOrder: (i + 1) * 10 }));
}

function rootPosition(links: ChainLinkTable[], parentId: string | null): string | null {
  let cur = parentId ? links.find((l) => l.id === parentId) : undefined;
  while (cur?.parent_id) cur = links.find((l) => l.id === cur?.parent_id);
  return cur?.position ?? null;
}

export async function addLink(ctx: ServiceContext, chainId: string, input: LinkInput): Promise<LinkDto> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  if (!(await repo.findChain(db, chainId))) throw errors.notFound('chain');
  const links = await repo.linksOf(db, chainId);
  const parentId = input.parentId ?? null;
  assertLinkAddable(links, parentId);
  const position = rootPosition(links, parentId) ?? input.position;
  if (!position)
    throw errors.validation([
      {
        path: 'position',
        message: { zh: '顶层环节须选择上中下游', en: 'A top-level link needs a position' },
      },
    ]);
  const nowIso = ctx.clock.now().toISOString();
  const row: ChainLinkTable = {
    id: newId(),
    chain_id: chainId,
    parent_id: parentId,
    name: input.name,
    position,
    sort_order: 0,
    description: input.description ?? null,
    industry_codes_json: JSON.stringify(input.industryCodes ?? []),
    keywords_json: JSON.stringify(input.keywords ?? []),
    priority: input.priority ?? 'medium',
    is_sample: 0,
    created_at: nowIso,
    updated_at: nowIso,
  };
  const order = ordered([...links.filter((l) => l.parent_id === parentId), row], row.id, input.index);
  await db.transaction().execute(async (trx) => {
    await repo.insertLinks(trx, [
      { ...row, sort_order: order.find((o) => o.linkId === row.id)?.sortOrder ?? 0 },
    ]);
    for (const o of order)
      if (o.linkId !== row.id) await repo.updateLink(trx, o.linkId, { sort_order: o.sortOrder });
    await repo.bumpChainVersion(trx, chainId, nowIso);
    await writeAudit(trx, ctx, {
      entity: 'chain_link',
      entityId: row.id,
      action: 'create',
      after: { ...row },
    });
  });
  return presentLink((await repo.findLink(db, row.id)) as ChainLinkTable);
}

async function linkOfChain(ctx: ServiceContext, chainId: string, linkId: string) {
  const link = await repo.findLink(ctx.db.kysely, linkId);
  if (!link || link.chain_id !== chainId) throw errors.notFound('chain_link');
  return link;
}

export async function updateLinkRecord(
  ctx: ServiceContext,
  chainId: string,
  linkId: string,
  input: Partial<Omit<LinkInput, 'parentId' | 'index'>>,
): Promise<LinkDto> {
  requireActor(ctx);
  const before = await linkOfChain(ctx, chainId, linkId);
  const nowIso = ctx.clock.now().toISOString();
  const patch: Partial<ChainLinkTable> = { updated_at: nowIso };
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description || null;
  if (input.industryCodes !== undefined) patch.industry_codes_json = JSON.stringify(input.industryCodes);
  if (input.keywords !== undefined) patch.keywords_json = JSON.stringify(input.keywords);
  if (input.priority !== undefined) patch.priority = input.priority;
  const links = await repo.linksOf(ctx.db.kysely, chainId);
  const repositioned =
    input.position !== undefined && before.parent_id === null && input.position !== before.position;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.updateLink(trx, linkId, patch);
    // A root's position is its subtree's: sub-links move up/mid/downstream with it.
    if (repositioned)
      for (const id of subtreeIds(links, linkId))
        await repo.updateLink(trx, id, { position: input.position });
    await repo.bumpChainVersion(trx, chainId, nowIso);
    await writeAudit(trx, ctx, {
      entity: 'chain_link',
      entityId: linkId,
      action: 'update',
      before: { ...before },
      after: { ...before, ...patch, ...(repositioned ? { position: input.position } : {}) },
    });
  });
  return presentLink((await repo.findLink(ctx.db.kysely, linkId)) as ChainLinkTable);
}

/** Moves a link (with its subtree) under another parent and/or to another place among siblings. */
export async function moveLink(
  ctx: ServiceContext,
  chainId: string,
  linkId: string,
  input: { parentId: string | null; index?: number | undefined; position?: ChainPosition | undefined },
): Promise<LinkDto[]> {
  requireActor(ctx);
  const before = await linkOfChain(ctx, chainId, linkId);
  const links = await repo.linksOf(ctx.db.kysely, chainId);
  assertLinkMovable(links, linkId, input.parentId);
  const position = rootPosition(links, input.parentId) ?? input.position ?? before.position;
  const siblings = links.filter((l) => l.parent_id === input.parentId);
  const order = ordered(
    siblings.some((s) => s.id === linkId) ? siblings : [...siblings, before],
    linkId,
    input.index,
  );
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.updateLink(trx, linkId, { parent_id: input.parentId, updated_at: nowIso });
    for (const o of order) await repo.updateLink(trx, o.linkId, { sort_order: o.sortOrder });
    if (position !== before.position)
      for (const id of subtreeIds(links, linkId)) await repo.updateLink(trx, id, { position });
    await repo.bumpChainVersion(trx, chainId, nowIso);
    await writeAudit(trx, ctx, {
      entity: 'chain_link',
      entityId: linkId,
      action: 'move',
      before: { parent_id: before.parent_id, sort_order: before.sort_order, position: before.position },
      after: {
        parent_id: input.parentId,
        sort_order: order.find((o) => o.linkId === linkId)?.sortOrder,
        position,
      },
    });
  });
  return (await repo.linksOf(ctx.db.kysely, chainId)).map(presentLink);
}

/** Deletes a link with its sub-links; without `confirm` answers 409 with what is attached. */
export async function deleteLink(ctx: ServiceContext, chainId: string, linkId: string, confirm: boolean) {
  requireActor(ctx);
  const before = await linkOfChain(ctx, chainId, linkId);
  const links = await repo.linksOf(ctx.db.kysely, chainId);
  const ids = subtreeIds(links, linkId);
  const attached = await confirmOrExplain(ctx, ids, confirm, 'link');
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.detachLinks(trx, ids);
    await repo.deleteLinks(trx, [...ids].reverse());
    await repo.bumpChainVersion(trx, chainId, nowIso);
    await writeAudit(trx, ctx, {
      entity: 'chain_link',
      entityId: linkId,
      action: 'delete',
      before: { ...before, subtree: links.filter((l) => ids.includes(l.id)).map((l) => l.name), attached },
    });
  });
  return attached;
}
