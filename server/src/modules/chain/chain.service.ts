import type { ChainScope } from '../../../../shared/src/chain';
import type { ChainLinkTable, ChainTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { conflictOnUnique } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { type ChainDto, type LinkDto, presentChain, presentLink } from './chain.presenter';
import * as repo from './chain.repository';

/** Chains: CRUD, each change audited in its transaction. The link editor is chain-link.service.ts. */

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

const chainNameTaken = () =>
  errors.conflict('CHAIN_NAME_TAKEN', { zh: '已有同名产业链', en: 'A chain with that name exists' }, [
    { path: 'name', message: { zh: '名称重复', en: 'Name taken' } },
  ]);

/** The same name saved twice at once passes checkChainInput both times; the second write fails. */
const nameRace = conflictOnUnique('chain', 'name', chainNameTaken);

async function checkChainInput(ctx: ServiceContext, input: ChainInput, excludeId: string | null) {
  const db = ctx.db.kysely;
  if (input.name !== undefined) {
    const same = await repo.findChainByName(db, input.name);
    if (same && same.id !== excludeId) throw chainNameTaken();
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
  await ctx.db.kysely
    .transaction()
    .execute(async (trx) => {
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
    })
    .catch(nameRace);
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
  await db
    .transaction()
    .execute(async (trx) => {
      if (!(await repo.updateChainVersioned(trx, id, input.version, patch))) throw errors.stale();
      await writeChildren(ctx, trx, id, input);
      // The chain as read back inside the transaction: the audit's after has the same shape as its
      // before (链长 by name, 链主 with firm names), so the log shows exactly what changed.
      const after = await auditable({ ...ctx, db: { ...ctx.db, kysely: trx } }, id);
      await writeAudit(trx, ctx, {
        entity: 'chain',
        entityId: id,
        action: 'update',
        before: beforeAudit,
        after,
      });
    })
    .catch(nameRace);
  return getChain(ctx, id);
}

/** What deleting these links would detach; a delete without `confirm` answers this as a 409. */
export async function confirmOrExplain(
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
