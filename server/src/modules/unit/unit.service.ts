import type { CreateUnitBody, Unit, UpdateUnitBody } from '../../../../shared/src/contract/park';
import type { UnitStatus } from '../../../../shared/src/park';
import type { UnitTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { isUniqueViolation } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { parkExists } from '../park/park.service';
import { activeReservations, placeScope } from '../plot/plot.service';
import { presentUnit } from './unit.presenter';
import * as repo from './unit.repository';

/** 标准厂房 building units (issue 18). */

export async function presentUnits(ctx: ServiceContext, ids: readonly string[]): Promise<Unit[]> {
  const [rows, scope, reservations] = await Promise.all([
    repo.unitsByIds(ctx.db.kysely, ids),
    placeScope(ctx),
    activeReservations(ctx, ids),
  ]);
  return rows.map((r) => presentUnit(r, scope, reservations.get(r.id)));
}

export async function listUnits(ctx: ServiceContext, filter: repo.UnitFilter) {
  requireActor(ctx);
  const { ids, total } = await repo.listUnitIds(ctx.db.kysely, filter);
  return { items: await presentUnits(ctx, ids), total };
}

export async function getUnit(ctx: ServiceContext, id: string): Promise<Unit> {
  const [unit] = await presentUnits(ctx, [id]);
  if (!unit) throw errors.notFound('unit');
  return unit;
}

/** Let and sold units name their firm; lease dates run forward. */
async function checkUnit(
  ctx: ServiceContext,
  v: { status: string; firm_id: string | null; lease_start: string | null; lease_end: string | null },
): Promise<void> {
  const fields: FieldError[] = [];
  if ((v.status === 'let' || v.status === 'sold') && !v.firm_id) {
    fields.push({
      path: 'firmId',
      message: { zh: '已租或已售须填写企业', en: 'A let or sold unit names its firm' },
    });
  }
  if (v.firm_id && !(await repo.firmExists(ctx.db.kysely, v.firm_id))) {
    fields.push({ path: 'firmId', message: { zh: '企业不存在', en: 'No such firm' } });
  }
  if (v.lease_start && v.lease_end && v.lease_end < v.lease_start) {
    fields.push({
      path: 'leaseEnd',
      message: { zh: '租期结束早于开始', en: 'The lease ends before it starts' },
    });
  }
  if (fields.length > 0) throw errors.validation(fields);
}

function duplicateUnit(): never {
  const message = {
    zh: '该楼栋同一楼层已有此单元号',
    en: 'That building floor already has this unit number',
  };
  throw errors.conflict('DUPLICATE_UNIT', message, [{ path: 'unitNo', message }]);
}

export async function createUnit(ctx: ServiceContext, input: CreateUnitBody): Promise<Unit> {
  requireActor(ctx);
  if (!(await parkExists(ctx, input.parkId))) {
    throw errors.validation([{ path: 'parkId', message: { zh: '园区不存在', en: 'No such park' } }]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const row: UnitTable = {
    id: newId(),
    park_id: input.parkId,
    building_id: '',
    floor: input.floor,
    unit_no: input.unitNo,
    area_m2: input.areaM2,
    load_kn_m2: input.loadKnM2 ?? null,
    crane_t: input.craneT ?? null,
    status: input.status ?? 'vacant',
    firm_id: input.firmId ?? null,
    lease_start: input.leaseStart ?? null,
    lease_end: input.leaseEnd ?? null,
    note: input.note ?? null,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await checkUnit(ctx, row);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    let building = await repo.findBuilding(trx, input.parkId, input.building);
    if (!building) {
      building = {
        id: newId(),
        park_id: input.parkId,
        name: input.building,
        geometry_json: null,
        is_sample: 0,
        created_at: nowIso,
      };
      await repo.insertBuilding(trx, building);
    }
    row.building_id = building.id;
    try {
      await repo.insertUnit(trx, row);
    } catch (err) {
      if (isUniqueViolation(err)) duplicateUnit();
      throw err;
    }
    await writeAudit(trx, ctx, { entity: 'unit', entityId: row.id, action: 'create', after: { ...row } });
  });
  return getUnit(ctx, row.id);
}

export async function updateUnit(ctx: ServiceContext, id: string, input: UpdateUnitBody): Promise<Unit> {
  requireActor(ctx);
  const before = await repo.findUnitRow(ctx.db.kysely, id);
  if (!before) throw errors.notFound('unit');
  const patch: Partial<UnitTable> = { updated_at: ctx.clock.now().toISOString() };
  if (input.areaM2 !== undefined) patch.area_m2 = input.areaM2;
  if (input.loadKnM2 !== undefined) patch.load_kn_m2 = input.loadKnM2;
  if (input.craneT !== undefined) patch.crane_t = input.craneT;
  if (input.status !== undefined) patch.status = input.status satisfies UnitStatus;
  if (input.firmId !== undefined) patch.firm_id = input.firmId;
  if (input.leaseStart !== undefined) patch.lease_start = input.leaseStart;
  if (input.leaseEnd !== undefined) patch.lease_end = input.leaseEnd;
  if (input.note !== undefined) patch.note = input.note;
  await checkUnit(ctx, { ...before, ...patch });
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateUnitVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'unit',
      entityId: id,
      action: 'update',
      before: { ...before },
      after: { ...before, ...patch, version: input.version + 1 },
    });
  });
  return getUnit(ctx, id);
}
