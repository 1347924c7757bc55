import type { CreateParkBody, Outline, Park, UpdateParkBody } from '../../../../shared/src/contract/park';
import { addDays } from '../../../../shared/src/dates';
import type { ParkTable } from '../../db/database';
import { flatOutline, outlineProblems } from '../../lib/geo';
import { newId } from '../../lib/ids';
import { isUniqueViolation, nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { auditablePark, presentPark } from './park.presenter';
import * as repo from './park.repository';

/** Checks an outline at the edge; answers the JSON to store (2-D) or throws 400 naming `path`. */
export function outlineText(outline: Outline | null | undefined, path: string): string | null | undefined {
  if (outline === undefined || outline === null) return outline;
  const flat = flatOutline(outline);
  const problems = outlineProblems(flat);
  if (problems.length > 0) throw errors.validation(problems.map((message) => ({ path, message })));
  return JSON.stringify(flat);
}

async function checkChains(ctx: ServiceContext, chainIds: readonly string[] | undefined): Promise<void> {
  if (!chainIds) return;
  const known = await repo.existingChainIds(ctx.db.kysely, chainIds);
  const fields: FieldError[] = [];
  chainIds.forEach((id, n) => {
    if (!known.has(id))
      fields.push({ path: `chainIds.${n}`, message: { zh: '产业链不存在', en: 'No such chain' } });
  });
  if (fields.length > 0) throw errors.validation(fields);
}

/** Presents parks with their chains and every derived figure. */
export async function presentParks(ctx: ServiceContext, rows: readonly ParkTable[]): Promise<Park[]> {
  const ids = rows.map((r) => r.id);
  const db = ctx.db.kysely;
  const [chains, figures] = await Promise.all([
    repo.parkChainsOf(db, ids),
    repo.parkFigures(db, ids, addDays(today(ctx), -365)),
  ]);
  return rows.flatMap((r) => {
    const f = figures.get(r.id);
    if (!f) return [];
    const own = chains.filter((c) => c.park_id === r.id).map((c) => ({ id: c.id, name: c.name }));
    return [presentPark(r, own, f)];
  });
}

/** Every park (园区/载体) with its derived figures; every role that reads parks sees them all. */
export async function listParks(ctx: ServiceContext, filter: { chainId?: string | undefined }) {
  requireActor(ctx);
  const rows = await repo.listParkRows(ctx.db.kysely, filter);
  return { items: await presentParks(ctx, rows) };
}

export async function getPark(ctx: ServiceContext, id: string): Promise<Park> {
  requireActor(ctx);
  const row = await repo.findParkRow(ctx.db.kysely, id);
  if (!row) throw errors.notFound('park');
  const [park] = await presentParks(ctx, [row]);
  if (!park) throw errors.notFound('park');
  return park;
}

/** The park's name and id when it exists (other areas check references through this). */
export async function parkExists(ctx: ServiceContext, id: string): Promise<boolean> {
  return (await repo.findParkRow(ctx.db.kysely, id)) !== undefined;
}

function duplicateName(): never {
  const message = { zh: '已有同名园区', en: 'A park with that name exists' };
  throw errors.conflict('DUPLICATE_PARK', message, [{ path: 'name', message }]);
}

export async function createPark(ctx: ServiceContext, input: CreateParkBody): Promise<Park> {
  requireActor(ctx);
  await checkChains(ctx, input.chainIds);
  const outline = outlineText(input.outline, 'outline') ?? null;
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row: ParkTable = {
      id,
      code: await nextCode(trx, 'park', 'YQ', today(ctx).slice(0, 4)),
      name: input.name,
      kind: input.kind ?? 'industrial',
      operator: input.operator ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      note: input.note ?? null,
      outline_json: outline,
      is_sample: 0,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    };
    try {
      await repo.insertPark(trx, row);
    } catch (err) {
      if (isUniqueViolation(err)) duplicateName();
      throw err;
    }
    await repo.replaceParkChains(trx, id, input.chainIds ?? []);
    await writeAudit(trx, ctx, {
      entity: 'park',
      entityId: id,
      action: 'create',
      after: auditablePark(row, input.chainIds ?? []),
    });
  });
  return getPark(ctx, id);
}

export async function updatePark(ctx: ServiceContext, id: string, input: UpdateParkBody): Promise<Park> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findParkRow(db, id);
  if (!before) throw errors.notFound('park');
  await checkChains(ctx, input.chainIds);
  const outline = outlineText(input.outline, 'outline');
  const patch: Partial<ParkTable> = { updated_at: ctx.clock.now().toISOString() };
  if (input.name !== undefined) patch.name = input.name;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.operator !== undefined) patch.operator = input.operator;
  if (input.contactName !== undefined) patch.contact_name = input.contactName;
  if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone;
  if (input.address !== undefined) patch.address = input.address;
  if (input.note !== undefined) patch.note = input.note;
  if (outline !== undefined) patch.outline_json = outline;
  const beforeChains = (await repo.parkChainsOf(db, [id])).map((c) => c.id);
  await db.transaction().execute(async (trx) => {
    try {
      if (!(await repo.updateParkVersioned(trx, id, input.version, patch))) throw errors.stale();
    } catch (err) {
      if (isUniqueViolation(err)) duplicateName();
      throw err;
    }
    if (input.chainIds) await repo.replaceParkChains(trx, id, input.chainIds);
    await writeAudit(trx, ctx, {
      entity: 'park',
      entityId: id,
      action: 'update',
      before: auditablePark(before, beforeChains),
      after: auditablePark(
        { ...before, ...patch, version: input.version + 1 },
        input.chainIds ?? beforeChains,
      ),
    });
  });
  return getPark(ctx, id);
}
