import type { CreatePlotBody, Plot, UpdatePlotBody } from '../../../../shared/src/contract/park';
import { canMovePlot, PLOT_STATUS_LABELS, type PlotStatus } from '../../../../shared/src/park';
import type { PlotTable } from '../../db/database';
import { bboxOf, centreOf, type OutlineGeometry } from '../../lib/geo';
import { newId } from '../../lib/ids';
import { isUniqueViolation } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { outlineText, parkExists } from '../park/park.service';
import { assertMayPlaceProject, placeScopeOf } from './plot.policy';
import { auditablePlot, presentPlot } from './plot.presenter';
import * as repo from './plot.repository';

/** Presents plots in the order of `ids`, scoped to what the actor may see. */
export async function presentPlots(ctx: ServiceContext, ids: readonly string[]): Promise<Plot[]> {
  const db = ctx.db.kysely;
  const rows = await repo.plotsByIds(db, ids);
  const projectIds = [...new Set(rows.flatMap((r) => (r.project_id ? [r.project_id] : [])))];
  const [investors, reservations, scope] = await Promise.all([
    repo.investorsOfProjects(db, projectIds),
    repo.activeReservationsOf(db, ids),
    placeScope(ctx),
  ]);
  return rows.map((r) =>
    presentPlot(
      r,
      scope,
      investors.filter((i) => i.project_id === r.project_id).map((i) => ({ id: i.id, name: i.name })),
      reservations.get(r.id),
    ),
  );
}

export async function listPlots(ctx: ServiceContext, filter: repo.PlotFilter) {
  requireActor(ctx);
  const { ids, total } = await repo.listPlotIds(ctx.db.kysely, filter);
  return { items: await presentPlots(ctx, ids), total };
}

export async function getPlot(ctx: ServiceContext, id: string): Promise<Plot> {
  const [plot] = await presentPlots(ctx, [id]);
  if (!plot) throw errors.notFound('plot');
  return plot;
}

function duplicateCode(): never {
  const message = { zh: '该园区已有此地块编号', en: 'The park already has a plot with that number' };
  throw errors.conflict('DUPLICATE_PLOT_CODE', message, [{ path: 'code', message }]);
}

type ShapeColumns = Pick<
  PlotTable,
  'geometry_json' | 'centre_lng' | 'centre_lat' | 'bbox_west' | 'bbox_south' | 'bbox_east' | 'bbox_north'
>;

/** A plot's outline as stored: its JSON text with the centre and bounding box derived from it (or nulls). */
export function plotShapeColumns(outline: OutlineGeometry | null): ShapeColumns {
  if (outline === null) {
    return {
      geometry_json: null,
      centre_lng: null,
      centre_lat: null,
      bbox_west: null,
      bbox_south: null,
      bbox_east: null,
      bbox_north: null,
    };
  }
  const [lng, lat] = centreOf(outline);
  const [w, s, e, n] = bboxOf(outline);
  return {
    geometry_json: JSON.stringify(outline),
    centre_lng: lng,
    centre_lat: lat,
    bbox_west: w,
    bbox_south: s,
    bbox_east: e,
    bbox_north: n,
  };
}

/** Outline columns from a request's geometry, or none when not given; throws 400 on a bad outline. */
function geometryColumns(geometry: CreatePlotBody['geometry']): Partial<ShapeColumns> {
  const text = outlineText(geometry, 'geometry');
  if (text === undefined) return {};
  return plotShapeColumns(text === null ? null : (JSON.parse(text) as OutlineGeometry));
}

/** A new plot row with defaults; what the create route and the outline import write. */
export function newPlotRow(
  nowIso: string,
  v: Pick<PlotTable, 'park_id' | 'code' | 'area_mu'> & Partial<PlotTable>,
): PlotTable {
  return {
    id: newId(),
    land_use: null,
    plot_ratio: null,
    height_m: null,
    status: 'stock',
    price: null,
    power_kva: null,
    min_investment_per_mu: null,
    min_tax_per_mu: null,
    max_energy_per_output: null,
    project_id: null,
    ...plotShapeColumns(null),
    attributes_json: '{}',
    note: null,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...v,
  };
}

function fieldColumns(input: Omit<UpdatePlotBody, 'version'>): Partial<PlotTable> {
  const p: Partial<PlotTable> = {};
  if (input.code !== undefined) p.code = input.code;
  if (input.areaMu !== undefined) p.area_mu = input.areaMu;
  if (input.landUse !== undefined) p.land_use = input.landUse;
  if (input.plotRatio !== undefined) p.plot_ratio = input.plotRatio;
  if (input.heightM !== undefined) p.height_m = input.heightM;
  if (input.price !== undefined) p.price = input.price;
  if (input.powerKva !== undefined) p.power_kva = input.powerKva;
  if (input.minInvestmentPerMu !== undefined) p.min_investment_per_mu = input.minInvestmentPerMu;
  if (input.minTaxPerMu !== undefined) p.min_tax_per_mu = input.minTaxPerMu;
  if (input.maxEnergyPerOutput !== undefined) p.max_energy_per_output = input.maxEnergyPerOutput;
  if (input.note !== undefined) p.note = input.note;
  return { ...p, ...geometryColumns(input.geometry) };
}

export async function createPlot(ctx: ServiceContext, input: CreatePlotBody): Promise<Plot> {
  requireActor(ctx);
  if (!(await parkExists(ctx, input.parkId))) {
    throw errors.validation([{ path: 'parkId', message: { zh: '园区不存在', en: 'No such park' } }]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const { parkId, status, ...fields } = input;
  const row = newPlotRow(nowIso, {
    park_id: parkId,
    code: input.code,
    area_mu: input.areaMu,
    status: status ?? 'stock',
    ...fieldColumns(fields),
  });
  await ctx.db.kysely.transaction().execute(async (trx) => {
    try {
      await repo.insertPlots(trx, [row]);
    } catch (err) {
      if (isUniqueViolation(err)) duplicateCode();
      throw err;
    }
    await writeAudit(trx, ctx, {
      entity: 'plot',
      entityId: row.id,
      action: 'create',
      after: auditablePlot(row),
    });
  });
  return getPlot(ctx, row.id);
}

/** Writes a versioned patch of a plot with its audit row; `action` names the change in the log. */
async function patchPlot(
  ctx: ServiceContext,
  before: PlotTable,
  version: number,
  patch: Partial<PlotTable>,
  action: string,
): Promise<Plot> {
  const full = { ...patch, updated_at: ctx.clock.now().toISOString() };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    try {
      if (!(await repo.updatePlotVersioned(trx, before.id, version, full))) throw errors.stale();
    } catch (err) {
      if (isUniqueViolation(err)) duplicateCode();
      throw err;
    }
    if (patch.project_id && patch.project_id !== before.project_id) {
      await repo.setProjectPark(trx, patch.project_id, before.park_id);
    }
    await writeAudit(trx, ctx, {
      entity: 'plot',
      entityId: before.id,
      action,
      before: auditablePlot(before),
      after: auditablePlot({ ...before, ...full, version: version + 1 }),
    });
  });
  return getPlot(ctx, before.id);
}

async function plotRow(ctx: ServiceContext, id: string): Promise<PlotTable> {
  const row = await repo.findPlotRow(ctx.db.kysely, id);
  if (!row) throw errors.notFound('plot');
  return row;
}

/** Edits a plot's facts and outline (not its status: that is a move). */
export async function updatePlot(ctx: ServiceContext, id: string, input: UpdatePlotBody): Promise<Plot> {
  requireActor(ctx);
  const before = await plotRow(ctx, id);
  return patchPlot(ctx, before, input.version, fieldColumns(input), 'update');
}

/**
 * Moves a plot along 储备 → 待出让 → 已出让 → 已供地 → 在建 → 投产 (or to and from 闲置); any
 * other move is a 409 naming both statuses.
 */
export async function movePlotStatus(
  ctx: ServiceContext,
  id: string,
  input: { version: number; status: PlotStatus },
): Promise<Plot> {
  requireActor(ctx);
  const before = await plotRow(ctx, id);
  const from = before.status as PlotStatus;
  if (!canMovePlot(from, input.status)) {
    const a = PLOT_STATUS_LABELS[from];
    const b = PLOT_STATUS_LABELS[input.status];
    const message = {
      zh: `地块不能从「${a.zh}」改为「${b.zh}」`,
      en: `A plot cannot move from ${a.en} to ${b.en}`,
    };
    throw errors.conflict('PLOT_STATUS_REFUSED', message, [{ path: 'status', message }]);
  }
  return patchPlot(ctx, before, input.version, { status: input.status }, 'status');
}

/** Puts a project on a plot (or takes it off with null); the project's park becomes this plot's park. */
export async function setPlotProject(
  ctx: ServiceContext,
  id: string,
  input: { version: number; projectId: string | null },
): Promise<Plot> {
  const actor = requireActor(ctx);
  const before = await plotRow(ctx, id);
  if (input.projectId) {
    const project = await repo.projectOfficer(ctx.db.kysely, input.projectId);
    if (!project) {
      throw errors.validation([{ path: 'projectId', message: { zh: '项目不存在', en: 'No such project' } }]);
    }
    assertMayPlaceProject(actor, project);
  }
  return patchPlot(ctx, before, input.version, { project_id: input.projectId }, 'project');
}

/** What the actor may see of plots and units (plot.policy.ts); the unit area asks here too. */
export async function placeScope(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const firmProjects =
    actor.role === 'enterprise' && actor.firmId
      ? await repo.projectIdsOfFirm(ctx.db.kysely, actor.firmId)
      : null;
  return placeScopeOf(actor, firmProjects);
}

/** Active reservations (意向) of plots or units, by place id. */
export async function activeReservations(ctx: ServiceContext, placeIds: readonly string[]) {
  return repo.activeReservationsOf(ctx.db.kysely, placeIds);
}
