import type { PlotTable, UnitTable } from '../../server/src/db/database';
import type { OutlineGeometry } from '../../server/src/lib/geo';
import { newId } from '../../server/src/lib/ids';
import { mapBuildings, mapParks, mapPlots } from '../../server/src/modules/map/map.repository';
import { plotShapeColumns } from '../../server/src/modules/plot/plot.service';
import { plotCandidates, unitCandidates } from '../../server/src/modules/site/site.repository';
import { PARK_LIMITS, PLOT_STATUSES, UNIT_STATUSES } from '../../shared/src/park';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario, ScenarioContext, Statement } from './types';

/**
 * Parks, plots and units at a zone's size (issue 18): 5,000 plots and 2,000 units in 200 buildings
 * across 20 parks, added to the bench database on first use (codes BENCH-…), since the generator
 * knows no land. Buildings have outlines, so the map draws them with their units' floor space.
 */
const PLOTS = 5_000;
const UNITS = 2_000;
const PARKS = 20;

async function ensureLand(ctx: ScenarioContext): Promise<string[]> {
  const k = ctx.db.kysely;
  const have = await k
    .selectFrom('park')
    .select('id')
    .where('code', 'like', 'BENCH-%')
    .orderBy('code')
    .execute();
  if (have.length === PARKS) {
    await outlineBuildings(ctx);
    return have.map((p) => p.id);
  }
  const now = new Date().toISOString();
  const chains = await k.selectFrom('chain').select('id').limit(PARKS).execute();
  const parkIds: string[] = [];
  for (let p = 0; p < PARKS; p++) {
    const id = newId();
    parkIds.push(id);
    await k
      .insertInto('park')
      .values({
        id,
        code: `BENCH-${String(p).padStart(3, '0')}`,
        name: `基准园区${p}`,
        kind: 'industrial',
        operator: null,
        contact_name: null,
        contact_phone: null,
        address: null,
        note: null,
        outline_json: null,
        is_sample: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const chain = chains[p % Math.max(chains.length, 1)];
    if (chain) await k.insertInto('park_chain').values({ park_id: id, chain_id: chain.id }).execute();
  }
  const plots: PlotTable[] = [];
  for (let i = 0; i < PLOTS; i++) {
    const lng = 115.8 + (i % 100) * 0.004;
    const lat = 36.3 + Math.floor(i / 100) * 0.004;
    const g = {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + 0.003, lat],
          [lng + 0.003, lat + 0.003],
          [lng, lat + 0.003],
          [lng, lat],
        ],
      ],
    };
    plots.push({
      id: newId(),
      park_id: parkIds[i % PARKS] as string,
      code: `BENCH-${i}`,
      area_mu: 10 + ctx.rng.int(0, 300),
      land_use: '0601',
      plot_ratio: 1.2,
      height_m: 24,
      status: PLOT_STATUSES[ctx.rng.int(0, PLOT_STATUSES.length - 1)] as string,
      price: ctx.rng.int(1, 100) * 1_000_000,
      power_kva: ctx.rng.int(1, 10) * 1000,
      min_investment_per_mu: null,
      min_tax_per_mu: null,
      max_energy_per_output: null,
      project_id: null,
      ...plotShapeColumns(g as OutlineGeometry),
      attributes_json: '{}',
      note: null,
      is_sample: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < plots.length; i += 30)
    await k
      .insertInto('plot')
      .values(plots.slice(i, i + 30))
      .execute();
  const buildings = parkIds.flatMap((park_id, p) =>
    Array.from({ length: 10 }, (_, b) => ({
      id: newId(),
      park_id,
      name: `B${p}-${b}`,
      geometry_json: buildingOutline(p * 10 + b),
      is_sample: 1,
      created_at: now,
    })),
  );
  await k.insertInto('building').values(buildings).execute();
  const units: UnitTable[] = Array.from({ length: UNITS }, (_, i) => {
    const b = buildings[i % buildings.length] as (typeof buildings)[number];
    return {
      id: newId(),
      park_id: b.park_id,
      building_id: b.id,
      floor: 1 + (i % 10),
      unit_no: `U${i}`,
      area_m2: 500 + ctx.rng.int(0, 4000),
      load_kn_m2: 8,
      crane_t: null,
      status: UNIT_STATUSES[ctx.rng.int(0, 1)] as string,
      firm_id: null,
      lease_start: null,
      lease_end: null,
      note: null,
      is_sample: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    };
  });
  for (let i = 0; i < units.length; i += 40)
    await k
      .insertInto('unit')
      .values(units.slice(i, i + 40))
      .execute();
  return parkIds;
}

/** A building's outline: a small square in a row south of the plots' grid. */
function buildingOutline(i: number): string {
  const lng = 115.8 + (i % 100) * 0.004;
  const lat = 36.29 - Math.floor(i / 100) * 0.002;
  const ring = [
    [lng, lat],
    [lng + 0.001, lat],
    [lng + 0.001, lat + 0.001],
    [lng, lat + 0.001],
    [lng, lat],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** Bench databases made before buildings had outlines get them (B<park>-<n>, in code order). */
async function outlineBuildings(ctx: ScenarioContext): Promise<void> {
  const k = ctx.db.kysely;
  const bare = await k
    .selectFrom('building as b')
    .innerJoin('park as p', 'p.id', 'b.park_id')
    .select(['b.id', 'b.name'])
    .where('p.code', 'like', 'BENCH-%')
    .where('b.geometry_json', 'is', null)
    .execute();
  for (const b of bare) {
    const [park = 0, n = 0] = b.name.slice(1).split('-').map(Number);
    await k
      .updateTable('building')
      .set({ geometry_json: buildingOutline(park * 10 + n) })
      .where('id', '=', b.id)
      .execute();
  }
}

export const parkMapScenario: Scenario = {
  name: 'park-map',
  description: 'GET /api/map — every park, 5,000 plots and 2,000 units of a zone as GeoJSON (no filter)',
  async prepare(ctx) {
    await ensureLand(ctx);
    const cap = PARK_LIMITS.maxMapFeatures;
    const ops: Statement[] = await captureStatements(ctx.db, async (k) => {
      await Promise.all([mapParks(k, {}), mapPlots(k, {}, cap, true), mapBuildings(k, {}, cap)]);
    });
    return { paths: ['/api/map'], rawOps: [ops], connections: 4 };
  },
};

export const siteMatchScenario: Scenario = {
  name: 'site-match',
  description:
    'GET /api/leads/:id/sites?landMu=… — available unreserved plots and vacant units closest in size, scored',
  async prepare(ctx) {
    await ensureLand(ctx);
    const k = ctx.db.kysely;
    // The generator makes no leads: the matcher needs one to answer for (its needs come in the query).
    let leads = await k.selectFrom('lead').select('id').limit(50).execute();
    if (leads.length === 0) {
      const now = new Date().toISOString();
      const id = newId();
      await k
        .insertInto('lead')
        .values({
          id,
          code: 'XS-BENCH-1',
          title: '基准线索',
          target_firm_id: null,
          target_name: '基准企业',
          source: 'other',
          referrer_firm_id: null,
          chain_link: null,
          estimated_investment: null,
          owner_id: null,
          status: 'new',
          status_reason: null,
          next_step: null,
          next_step_date: null,
          project_id: null,
          search_text: '',
          is_sample: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      leads = [{ id }];
    }
    const sizes = Array.from({ length: 50 }, () => 20 + ctx.rng.int(0, 200));
    const ops: Statement[][] = [];
    for (const mu of sizes.slice(0, 10)) {
      ops.push(
        await captureStatements(ctx.db, async (q) => {
          await Promise.all([plotCandidates(q, mu, null), unitCandidates(q, null, null)]);
        }),
      );
    }
    return {
      paths: sizes.map((mu, i) => `/api/leads/${leads[i % leads.length]?.id}/sites?landMu=${mu}`),
      rawOps: ops,
    };
  },
};
