import type { Db } from '../../db/connect';
import type { BuildingTable, ParkTable, PlotTable, UnitTable } from '../../db/database';
import { areaMu, type OutlineGeometry } from '../../lib/geo';
import { newId } from '../../lib/ids';
import { plotShapeColumns } from '../plot/plot.service';

/**
 * Demo parks, plots and buildings (issue 18), after the pipeline and chain seeders. The parks are
 * the page's (坤源宠物食品用品产业园 carries the pet chain; 阳谷's 双创产业园, 绿色食品产业园,
 * 现代装备智造产业园); every outline, plot, building and unit is invented sample data (is_sample,
 * names marked 示例), drawn as rectangles near Liaocheng (≈ 36.45° N, 115.98° E). The page's
 * projects are put on plots (乖宝 in 坤源; 瀚洋 and 正源 where the sample data puts them), and
 * sample projects whose free-text park names a park are linked to it.
 */

interface ParkSeed {
  name: string;
  kind: ParkTable['kind'];
  chains: string[];
  operator: string;
  /** South-west corner and size (degrees) of the park; its plots are a grid inside it. */
  lng: number;
  lat: number;
  cols: number;
  rows: number;
  /** Status of each grid plot, row by row; the page's projects take the first plots. */
  statuses: PlotTable['status'][];
  projects: string[];
  buildings: number;
}

const CELL_LNG = 0.0032;
const CELL_LAT = 0.0026;
const GAP = 0.0004;

const PARKS: ParkSeed[] = [
  {
    name: '坤源宠物食品用品产业园',
    kind: 'industrial',
    chains: ['宠物产业链'],
    operator: '坤源园区运营公司（示例）',
    lng: 115.962,
    lat: 36.438,
    cols: 4,
    rows: 3,
    statuses: [
      'building',
      'building',
      'producing',
      'for_sale',
      'for_sale',
      'idle',
      'supplied',
      'for_sale',
      'stock',
      'for_sale',
      'sold',
      'stock',
    ],
    projects: ['XM2024-00003', 'XM2024-00004'],
    buildings: 2,
  },
  {
    name: '现代装备智造产业园',
    kind: 'industrial',
    chains: ['高端装备产业链', '阳谷县铜及铜精深加工产业链'],
    operator: '阳谷县园区管理服务中心（示例）',
    lng: 115.99,
    lat: 36.452,
    cols: 3,
    rows: 3,
    statuses: ['building', 'producing', 'for_sale', 'for_sale', 'stock', 'idle', 'sold', 'for_sale', 'stock'],
    projects: ['XM2024-00001'],
    buildings: 1,
  },
  {
    name: '双创产业园',
    kind: 'standard_factory',
    chains: ['家居产业链', '阳谷县铜及铜精深加工产业链'],
    operator: '阳谷县双创园运营公司（示例）',
    lng: 115.965,
    lat: 36.462,
    cols: 3,
    rows: 2,
    statuses: ['building', 'for_sale', 'producing', 'for_sale', 'stock', 'supplied'],
    projects: ['XM2024-00002'],
    buildings: 2,
  },
  {
    name: '绿色食品产业园',
    kind: 'industrial',
    chains: ['阳谷县绿色食品产业链'],
    operator: '阳谷县园区管理服务中心（示例）',
    lng: 116.004,
    lat: 36.432,
    cols: 3,
    rows: 2,
    statuses: ['producing', 'for_sale', 'for_sale', 'idle', 'stock', 'sold'],
    projects: [],
    buildings: 1,
  },
];

function rect(lng: number, lat: number, w: number, h: number): OutlineGeometry {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(lng), r(lat)],
        [r(lng + w), r(lat)],
        [r(lng + w), r(lat + h)],
        [r(lng), r(lat + h)],
        [r(lng), r(lat)],
      ],
    ],
  };
}

const UNIT_STATUSES: UnitTable['status'][] = ['let', 'vacant', 'let', 'vacant', 'sold', 'vacant'];

export async function seedDemoParks(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const chains = await k.selectFrom('chain').select(['id', 'name']).execute();
  const chainId = new Map(chains.map((c) => [c.name, c.id]));
  const projects = await k.selectFrom('project').select(['id', 'code']).execute();
  const projectId = new Map(projects.map((p) => [p.code, p.id]));
  const tenants = await k
    .selectFrom('firm')
    .select('id')
    .where('is_sample', '=', 1)
    .orderBy('id')
    .limit(12)
    .execute();
  const parks: ParkTable[] = [];
  const parkChains: Array<{ park_id: string; chain_id: string }> = [];
  const plots: PlotTable[] = [];
  const buildings: BuildingTable[] = [];
  const units: UnitTable[] = [];
  const placed: Array<{ project: string; park: string }> = [];
  let tenant = 0;
  PARKS.forEach((seed, p) => {
    const id = newId();
    const w = seed.cols * (CELL_LNG + GAP) + GAP;
    const h = (seed.rows + 1) * (CELL_LAT + GAP) + GAP;
    parks.push({
      id,
      code: `YQ2024-${String(p + 1).padStart(5, '0')}`,
      name: seed.name,
      kind: seed.kind,
      operator: seed.operator,
      contact_name: null,
      contact_phone: null,
      address: null,
      note: '轮廓、地块与厂房为示例数据',
      outline_json: JSON.stringify(rect(seed.lng, seed.lat, w, h)),
      is_sample: 1,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });
    for (const name of seed.chains) {
      const c = chainId.get(name);
      if (c) parkChains.push({ park_id: id, chain_id: c });
    }
    seed.statuses.forEach((status, i) => {
      const col = i % seed.cols;
      const row = Math.floor(i / seed.cols);
      const g = rect(
        seed.lng + GAP + col * (CELL_LNG + GAP),
        seed.lat + GAP + row * (CELL_LAT + GAP),
        CELL_LNG,
        CELL_LAT,
      );
      const project = seed.projects[i] ? projectId.get(seed.projects[i] as string) : undefined;
      if (project) placed.push({ project, park: id });
      plots.push({
        id: newId(),
        park_id: id,
        code: `${String.fromCharCode(65 + p)}-${String(i + 1).padStart(2, '0')}（示例）`,
        area_mu: Math.round(areaMu(g) * 10) / 10,
        land_use: '0601',
        plot_ratio: 1.2 + (i % 3) * 0.2,
        height_m: 24,
        status,
        price: status === 'for_sale' || status === 'idle' ? Math.round(areaMu(g)) * 200_000 : null,
        power_kva: 2000 + (i % 4) * 1000,
        min_investment_per_mu: 3_000_000,
        min_tax_per_mu: 150_000,
        max_energy_per_output: 0.3,
        project_id: project ?? null,
        ...plotShapeColumns(g),
        attributes_json: '{}',
        note: null,
        is_sample: 1,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      });
    });
    // Standard factories along the top row of the park.
    for (let b = 0; b < seed.buildings; b++) {
      const bid = newId();
      const lng0 = seed.lng + GAP + b * (CELL_LNG + GAP);
      const lat0 = seed.lat + GAP + seed.rows * (CELL_LAT + GAP);
      buildings.push({
        id: bid,
        park_id: id,
        name: `${b + 1}号标准厂房（示例）`,
        geometry_json: JSON.stringify(
          rect(lng0 + 0.0004, lat0 + 0.0004, CELL_LNG - 0.0008, CELL_LAT - 0.0008),
        ),
        is_sample: 1,
        created_at: nowIso,
      });
      for (let floor = 1; floor <= 3; floor++) {
        for (let u = 1; u <= 2; u++) {
          const status = UNIT_STATUSES[((floor - 1) * 2 + u - 1 + b) % UNIT_STATUSES.length] ?? 'vacant';
          const firm =
            status === 'vacant' ? null : (tenants[tenant++ % Math.max(tenants.length, 1)]?.id ?? null);
          units.push({
            id: newId(),
            park_id: id,
            building_id: bid,
            floor,
            unit_no: `${floor}0${u}`,
            area_m2: floor === 1 ? 2400 : 1200,
            load_kn_m2: floor === 1 ? 30 : 8,
            crane_t: floor === 1 ? 10 : null,
            status: firm ? status : 'vacant',
            firm_id: firm,
            lease_start: firm ? '2024-01-01' : null,
            lease_end: firm && status === 'let' ? '2028-12-31' : null,
            note: null,
            is_sample: 1,
            version: 1,
            created_at: nowIso,
            updated_at: nowIso,
          });
        }
      }
    }
  });
  await k.transaction().execute(async (trx) => {
    await trx.insertInto('park').values(parks).execute();
    if (parkChains.length > 0) await trx.insertInto('park_chain').values(parkChains).execute();
    for (let i = 0; i < plots.length; i += 30)
      await trx
        .insertInto('plot')
        .values(plots.slice(i, i + 30))
        .execute();
    await trx.insertInto('building').values(buildings).execute();
    for (let i = 0; i < units.length; i += 40)
      await trx
        .insertInto('unit')
        .values(units.slice(i, i + 40))
        .execute();
    for (const p of placed)
      await trx.updateTable('project').set({ park_id: p.park }).where('id', '=', p.project).execute();
    // Imported free text that names a park becomes the reference; the text stays as it was.
    for (const park of parks) {
      await trx
        .updateTable('project')
        .set({ park_id: park.id })
        .where('park', '=', park.name)
        .where('park_id', 'is', null)
        .execute();
    }
  });
}
