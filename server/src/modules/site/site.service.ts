import type { Sites } from '../../../../shared/src/contract/park';
import { PARK_LIMITS, PLOT_AVAILABLE, type PlotStatus } from '../../../../shared/src/park';
import { newId } from '../../lib/ids';
import { isUniqueViolation } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertLeadEditable } from '../lead/lead.policy';
import { presentReservation } from '../plot/plot.presenter';
import * as repo from './site.repository';
import { type SiteNeeds, scorePlot, scoreUnit } from './site-ranking';

/**
 * Site matching and reservations (issue 18): which available plots and units fit a lead, and 意向
 * — a place held for one lead so that two officers do not promise it twice.
 */

async function leadOr404(ctx: ServiceContext, leadId: string) {
  const lead = await repo.leadForSites(ctx.db.kysely, leadId);
  if (!lead) throw errors.notFound('lead');
  return lead;
}

export interface NeedsInput {
  landMu?: number | undefined;
  buildingM2?: number | undefined;
  chainId?: string | undefined;
  powerKva?: number | undefined;
  budget?: number | undefined;
}

/** Ranked plots and units for a lead: its chain unless another is given, the needs given in the query. */
export async function sitesForLead(ctx: ServiceContext, leadId: string, input: NeedsInput): Promise<Sites> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const lead = await leadOr404(ctx, leadId);
  const chainId = input.chainId ?? lead.chain_id ?? null;
  const needs: SiteNeeds = {
    landMu: input.landMu ?? null,
    buildingM2: input.buildingM2 ?? null,
    chainId,
    chainName: chainId ? await repo.chainName(db, chainId) : null,
    powerKva: input.powerKva ?? null,
    budget: input.budget ?? null,
  };
  // Land only, floor space only, or (no size stated) both.
  const wantPlots = needs.landMu !== null || needs.buildingM2 === null;
  const wantUnits = needs.buildingM2 !== null || needs.landMu === null;
  const [plots, units, reservations] = await Promise.all([
    wantPlots ? repo.plotCandidates(db, needs.landMu, chainId) : [],
    wantUnits ? repo.unitCandidates(db, needs.buildingM2, chainId) : [],
    repo.reservationsOfLead(db, leadId),
  ]);
  const items = [...plots.map((p) => scorePlot(p, needs)), ...units.map((u) => scoreUnit(u, needs))]
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, PARK_LIMITS.maxSites);
  return {
    needs,
    items,
    reservations: reservations.map((r) => ({
      ...presentReservation(r),
      placeLabel: r.plot_code ?? `${r.building_name ?? ''} ${r.floor ?? ''}F-${r.unit_no ?? ''}`,
      parkName: r.park_name ?? '',
    })),
  };
}

function notAvailable(): never {
  const message = {
    zh: '该地块或单元当前不可意向（已出让、已租售或未挂牌）',
    en: 'This place cannot be reserved now (sold, let, or not on offer)',
  };
  throw errors.conflict('PLACE_NOT_AVAILABLE', message, [{ path: 'placeId', message }]);
}

function alreadyReserved(): never {
  const message = {
    zh: '该地块或单元已被其他线索意向，请先协调释放',
    en: 'This place is already reserved for another lead; have it released first',
  };
  throw errors.conflict('PLACE_RESERVED', message, [{ path: 'placeId', message }]);
}

/**
 * Reserves an available plot or a vacant unit for a lead (意向): the lead's owner or an admin. A
 * second active reservation of the same place is a 409 (the unique key decides, even in a race).
 */
export async function reservePlace(
  ctx: ServiceContext,
  kind: 'plot' | 'unit',
  placeId: string,
  input: { leadId: string; note?: string | null | undefined },
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const place = await repo.placeRow(db, kind, placeId);
  if (!place) throw errors.notFound(kind);
  const lead = await repo.leadForSites(db, input.leadId);
  if (!lead) throw errors.validation([{ path: 'leadId', message: { zh: '线索不存在', en: 'No such lead' } }]);
  assertLeadEditable(actor, lead);
  const open =
    kind === 'plot' ? PLOT_AVAILABLE.includes(place.status as PlotStatus) : place.status === 'vacant';
  if (!open) {
    if (kind === 'unit' && place.status === 'intent') alreadyReserved();
    notAvailable();
  }
  const nowIso = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    place_kind: kind,
    place_id: placeId,
    active_key: `${kind}:${placeId}`,
    lead_id: lead.id,
    status: 'active',
    note: input.note ?? null,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    created_at: nowIso,
    released_at: null,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertReservation(trx, row);
      if (kind === 'unit') await repo.setUnitStatusIf(trx, placeId, 'vacant', 'intent', nowIso);
      await writeAudit(trx, ctx, {
        entity: 'site_reservation',
        entityId: row.id,
        action: 'create',
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) alreadyReserved();
    throw err;
  }
  return presentReservation({ ...row, lead_title: lead.title });
}

/** Releases a reservation (kept, marked released): the lead's owner or an admin. */
export async function releaseReservation(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const before = await repo.findReservation(db, id);
  if (!before) throw errors.notFound('reservation');
  const lead = await leadOr404(ctx, before.lead_id);
  assertLeadEditable(actor, lead);
  const nowIso = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.releaseReservationRow(trx, id, nowIso))) {
      const message = { zh: '该意向已释放', en: 'This reservation is already released' };
      throw errors.conflict('RESERVATION_RELEASED', message);
    }
    if (before.place_kind === 'unit')
      await repo.setUnitStatusIf(trx, before.place_id, 'intent', 'vacant', nowIso);
    await writeAudit(trx, ctx, {
      entity: 'site_reservation',
      entityId: id,
      action: 'release',
      before: { ...before },
      after: { ...before, status: 'released', active_key: null, released_at: nowIso },
    });
  });
  return presentReservation({
    ...before,
    status: 'released',
    active_key: null,
    released_at: nowIso,
    lead_title: lead.title,
  });
}
