import type { ChainPosition, ChainScope, LinkPriority } from '../../../../shared/src/chain';
import type { ChainLinkTable, ChainTable } from '../../db/database';
import { requireActor } from '../../lib/fields';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertLinkAddable, assertLinkMovable, subtreeIds } from './chain.policy';
import { type ChainDto, type LinkDto, presentChain, presentLink } from './chain.presenter';
import * as repo from './chain.repository';

/** Chains and their link trees: CRUD and the editor's operations, each audited in its transaction. */

export interface ChainInput {
  name?: string | undefined;
  nameEn?: string | null | undefined;
  officialName?: string | null | undefined;
  officialTitle?: string | null | undefined;
  description?: string | null | undefined;
  goal?: string | null | undefined;
  scope?: ChainScope | undefined;
  region?: string | null | undefined;
  isCityKey?: boolean | undefined;
  sortOrder?: number | undefined;
  leaders?:
    | Array<{ firmId: string; linkId?: string | null | undefined; note?: string | null | undefined }>
    | undefined;
  parks?: Array<{ name: string; note?: string | null | undefined }> | undefined;
  targets?:
    | Array<{
        year: number;
        projectsTarget?: number | null | undefined;
        investmentTarget?: number | null | undefined;
      }>
    | undefined;
}

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

function chainFields(input: ChainInput): Partial<ChainTable> {
  const p: Partial<ChainTable> = {};
  if (input.name !== undefined) p.name = input.name;
  if (input.nameEn !== undefined) p.name_en = input.nameEn || null;
  if (input.officialName !== undefined) p.official_name = input.officialName || null;
  if (input.officialTitle !== undefined) p.official_title = input.officialTitle || null;
  if (input.description !== undefined) p.description = input.description || null;
  if (input.goal !== undefined) p.goal = input.goal || null;
  if (input.scope !== undefined) p.scope = input.scope;
  if (input.region !== undefined) p.region = input.region || null;
  if (input.isCityKey !== undefined) p.is_city_key = input.isCityKey ? 1 : 0;
  if (input.sortOrder !== undefined) p.sort_order = input.sortOrder;
  return p;
}

const uniqueNames = (names: string[]) => new Set(names).size === names.length;

async function checkChainInput(ctx: ServiceContext, input: ChainInput, excludeId: string | null) {
  const db = ctx.db.kysely;
  if (input.name !== undefined) {
    const same = await repo.findChainByName(db, input.name);
    if (same && same.id !== excludeId) {
      throw errors.conflict(
        'CHAIN_NAME_TAKEN',
        { zh: '已有同名产业链', en: 'A chain with that name exists' },
        [{ path: 'name', message: { zh: '名称重复', en: 'Name taken' } }],
      );
    }
  }
  if (input.leaders) {
    const ids = input.leaders.map((l) => l.firmId);
    const found = await repo.firmsExist(db, ids);
    const foundIds = new Set(found.map((f) => f.id));
    const missing = ids.findIndex((id) => !foundIds.has(id));
    if (missing >= 0 || !uniqueNames(ids)) {
      throw errors.validation([
        {
          path: `leaders.${Math.max(missing, 0)}.firmId`,
          message: { zh: '企业不存在或重复', en: 'No such firm, or listed twice' },
        },
      ]);
    }
  }
  if (input.targets && !uniqueNames(input.targets.map((t) => String(t.year)))) {
    throw errors.validation([{ path: 'targets', message: { zh: '年份重复', en: 'A year is listed twice' } }]);
  }
}

async function writeChildren(
  ctx: ServiceContext,
  trx: Parameters<typeof repo.replaceLeaders>[0],
  id: string,
  input: ChainInput,
) {
  if (input.leaders) {
    await repo.replaceLeaders(
      trx,
      id,
      input.leaders.map((l, position) => ({
        chain_id: id,
        firm_id: l.firmId,
        link_id: l.linkId ?? null,
        note: l.note ?? null,
        position,
      })),
    );
  }
  if (input.parks) {
    await repo.replaceParks(
      trx,
      id,
      input.parks.map((p, position) => ({
        id: newId(),
        chain_id: id,
        name: p.name,
        note: p.note ?? null,
        position,
      })),
    );
  }
  if (input.targets) {
    await repo.replaceTargets(
      trx,
      id,
      input.targets.map((t) => ({
        chain_id: id,
        year: t.year,
        projects_target: t.projectsTarget ?? null,
        investment_target: t.investmentTarget ?? null,
        is_sample: 0,
      })),
    );
  }
  void ctx;
}

export async function listChainRecords(ctx: ServiceContext): Promise<ChainDto[]> {
  const db = ctx.db.kysely;
  const chains = await repo.listChains(db);
  const ids = chains.map((c) => c.id);
  const [leaders, parks, targets] = [
    await repo.leadersOf(db, ids),
    await repo.parksOf(db, ids),
    await repo.targetsOf(db, ids),
  ];
  return chains.map((c) => presentChain(c, leaders, parks, targets));
}

export async function getChain(ctx: ServiceContext, id: string): Promise<ChainDto & { links: LinkDto[] }> {
  const db = ctx.db.kysely;
  const chain = await repo.findChain(db, id);
  if (!chain) throw errors.notFound('chain');
  const dto = presentChain(
    chain,
    await repo.leadersOf(db, [id]),
    await repo.parksOf(db, [id]),
    await repo.targetsOf(db, [id]),
  );
  return { ...dto, links: (await repo.linksOf(db, id)).map(presentLink) };
}

/** Snapshot of a chain for the audit log: the row and its children. */
async function auditable(ctx: ServiceContext, id: string) {
  const c = await getChain(ctx, id);
  const { links: _l, ...rest } = c;
  return { ...rest, links: c.links.length };
}

export async function createChain(
  ctx: ServiceContext,
  input: ChainInput & { name: string },
  links: ChainLinkTable[] = [],
): Promise<ChainDto & { links: LinkDto[] }> {
  requireActor(ctx);
  await checkChainInput(ctx, input, null);
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const row: ChainTable = {
    id,
    name: input.name,
    name_en: null,
    official_name: null,
    official_title: null,
    description: null,
    goal: null,
    scope: 'zone',
    region: null,
    is_city_key: 0,
    sort_order: 0,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...chainFields(input),
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertChain(trx, row);
    await repo.insertLinks(
      trx,
      links.map((l) => ({ ...l, chain_id: id })),
    );
    await writeChildren(ctx, trx, id, input);
    await writeAudit(trx, ctx, {
      entity: 'chain',
      entityId: id,
      action: 'create',
      after: { ...row, links: links.length },
    });
  });
  return getChain(ctx, id);
}

export async function updateChain(ctx: ServiceContext, id: string, input: ChainInput & { version: number }) {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findChain(db, id);
  if (!before) throw errors.notFound('chain');
  await checkChainInput(ctx, input, id);
  if (input.leaders) {
    const linkIds = new Set((await repo.linksOf(db, id)).map((l) => l.id));
    const bad = input.leaders.findIndex((l) => l.linkId && !linkIds.has(l.linkId));
    if (bad >= 0)
      throw errors.validation([
        {
          path: `leaders.${bad}.linkId`,
          message: { zh: '环节不在本链中', en: 'The link is not in this chain' },
        },
      ]);
  }
  const beforeAudit = await auditable(ctx, id);
  const patch = { ...chainFields(input), updated_at: ctx.clock.now().toISOString() };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateChainVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeChildren(ctx, trx, id, input);
    const after = {
      ...beforeAudit,
      ...patch,
      version: input.version + 1,
      leaders: input.leaders ?? beforeAudit.leaders,
      parks: input.parks ?? beforeAudit.parks,
      targets: input.targets ?? beforeAudit.targets,
    };
    await writeAudit(trx, ctx, {
      entity: 'chain',
      entityId: id,
      action: 'update',
      before: beforeAudit,
      after,
    });
  });
  return getChain(ctx, id);
}

/** What deleting these links would detach; a delete without `confirm` answers this as a 409. */
async function confirmOrExplain(
  ctx: ServiceContext,
  ids: string[],
  confirm: boolean,
  what: 'chain' | 'link',
) {
  const attached = { links: ids.length, ...(await repo.attachmentsOf(ctx.db.kysely, ids)) };
  if (confirm) return attached;
  const zh = `将删除 ${attached.links} 个环节，并解除 ${attached.firms} 家企业、${attached.projects} 个项目、${attached.leads} 条线索的挂接`;
  const en = `This deletes ${attached.links} link(s) and detaches ${attached.firms} firm(s), ${attached.projects} project(s) and ${attached.leads} lead(s)`;
  throw errors.conflict(
    what === 'chain' ? 'CHAIN_DELETE_CONFIRM' : 'LINK_DELETE_CONFIRM',
    { zh: `${zh}。请确认后再删除。`, en: `${en}. Confirm to delete.` },
    [],
    { attached },
  );
}

export async function deleteChainRecord(ctx: ServiceContext, id: string, confirm: boolean) {
  requireActor(ctx);
  const before = await repo.findChain(ctx.db.kysely, id);
  if (!before) throw errors.notFound('chain');
  const ids = (await repo.linksOf(ctx.db.kysely, id)).map((l) => l.id);
  const attached = await confirmOrExplain(ctx, ids, confirm, 'chain');
  const snapshot = await auditable(ctx, id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.detachLinks(trx, ids);
    await repo.deleteChain(trx, id);
    await writeAudit(trx, ctx, {
      entity: 'chain',
      entityId: id,
      action: 'delete',
      before: { ...snapshot, attached },
    });
  });
  return attached;
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
