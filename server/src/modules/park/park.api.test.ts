import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ImportPreview,
  mapSchema,
  type Park,
  type Plot,
  type Sites,
  type Unit,
} from '../../../../shared/src/contract/park';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import {
  geojsonOf,
  importForm,
  kmlOf,
  kmzOf,
  ringOf,
  shapefileZipOf,
  threePlots,
} from '../plot/plot-import.test-fixtures';

describe.skipIf(SKIP_DB)(
  'parks, plots, units: derived figures, status machine, reservations, import, scope',
  () => {
    let t: TestApp;
    let officer: Session;
    let admin: Session;
    let leader: Session;
    let firmUser: Session;
    let petChain: string;
    let park: Park;
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp();
      officer = await t.login('officer');
      admin = await t.login('admin');
      leader = await t.login('leader');
      firmUser = await t.login('firm');
      const chains = (await t.call(leader, 'GET', '/api/chains')).json().items as Array<{
        id: string;
        name: string;
      }>;
      petChain = chains.find((c) => c.name === '宠物产业链')?.id ?? '';
      const res = await t.call(officer, 'POST', '/api/parks', { name: '测试宠物园', chainIds: [petChain] });
      expect(res.statusCode, res.body).toBe(201);
      park = res.json();
    });
    afterAll(async () => t?.close());

    const plot = async (body: Record<string, unknown>) => {
      n += 1;
      const res = await t.call(officer, 'POST', '/api/plots', {
        parkId: park.id,
        code: `T-${n}`,
        areaMu: 50,
        geometry: {
          type: 'Polygon',
          coordinates: [ringOf({ code: '', lng: 116 + n * 0.003, lat: 36.45, side: 0.002 })],
        },
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Plot;
    };
    const unit = async (body: Record<string, unknown>) => {
      n += 1;
      const res = await t.call(officer, 'POST', '/api/units', {
        parkId: park.id,
        building: '1号厂房',
        floor: 1,
        unitNo: `U${n}`,
        areaM2: 1000,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Unit;
    };
    const lead = async (title: string, by: Session = officer) => {
      const res = await t.call(by, 'POST', '/api/leads', {
        title,
        targetFirmName: `${title}有限公司`,
        source: 'other',
        chainLink: '宠物产业链',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const getPark = async () => (await t.call(leader, 'GET', `/api/parks/${park.id}`)).json() as Park;
    const allOf = async <T>(path: string) =>
      (await t.call(leader, 'GET', `${path}&limit=200`)).json().items as T[];

    it('seeds the page’s parks with sample plots and buildings, and the page’s projects on plots', async () => {
      const parks = (await t.call(leader, 'GET', '/api/parks')).json().items as Park[];
      const names = parks.filter((p) => p.isSample).map((p) => p.name);
      for (const name of ['坤源宠物食品用品产业园', '双创产业园', '绿色食品产业园', '现代装备智造产业园']) {
        expect(names).toContain(name);
      }
      const kunyuan = parks.find((p) => p.name === '坤源宠物食品用品产业园');
      expect(kunyuan?.chains.map((c) => c.name)).toEqual(['宠物产业链']);
      expect(kunyuan?.landMu).toBeGreaterThan(0);
      expect(kunyuan?.buildingM2).toBeGreaterThan(0);
      const onPlots = await allOf<Plot>(`/api/plots?parkId=${kunyuan?.id}`);
      expect(onPlots.flatMap((p) => (p.project ? [p.project.name] : [])).sort()).toEqual(
        ['乖宝宠物年产10万吨高端宠物食品项目', '乖宝宠物智能工厂扩建项目'].sort(),
      );
      const placed = (await allOf<Plot>('/api/plots?status=building,producing')).flatMap((p) =>
        p.project ? [p.project.name] : [],
      );
      expect(placed.some((n) => n.includes('瀚洋'))).toBe(true);
      expect(placed.some((n) => n.includes('正源'))).toBe(true);
    });

    it('derives the park figures from its plots and units (checked against a recount of the lists)', async () => {
      await plot({ status: 'for_sale', areaMu: 40 });
      await plot({ status: 'producing', areaMu: 60.5 });
      await plot({ status: 'idle', areaMu: 20 });
      await plot({ status: 'stock', areaMu: 10 });
      const firm = (await t.call(officer, 'POST', '/api/firms', { name: '园区租户测试有限公司' })).json()
        .id as string;
      await unit({ areaM2: 1200 });
      await unit({
        areaM2: 800,
        status: 'let',
        firmId: firm,
        leaseStart: '2026-01-01',
        leaseEnd: '2028-12-31',
      });
      expect(
        (
          await t.call(officer, 'POST', '/api/units', {
            parkId: park.id,
            building: 'x',
            floor: 1,
            unitNo: 'y',
            areaM2: 5,
            status: 'let',
          })
        ).json().error.fields[0].path,
      ).toBe('firmId');

      const p = await getPark();
      const plots = await allOf<Plot>(`/api/plots?parkId=${park.id}`);
      const units = await allOf<Unit>(`/api/units?parkId=${park.id}`);
      const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;
      expect(p.landMu).toBe(sum(plots.map((x) => x.areaMu)));
      expect(p.landMu).toBe(130.5);
      expect(p.landAvailableMu).toBe(
        sum(plots.filter((x) => ['for_sale', 'idle'].includes(x.status)).map((x) => x.areaMu)),
      );
      expect(p.landSuppliedMu).toBe(60.5);
      expect(p.plots).toBe(plots.length);
      expect(p.buildingM2).toBe(sum(units.map((u) => u.areaM2)));
      expect(p.vacantM2).toBe(sum(units.filter((u) => u.status === 'vacant').map((u) => u.areaM2)));
      expect(p.occupancyRate).toBe(0.4);
      expect(p.firms).toBe(1);
      expect(p.chains.map((c) => c.id)).toEqual([petChain]);
      // Figures cannot be typed in.
      const typed = await t.call(officer, 'PATCH', `/api/parks/${park.id}`, {
        version: p.version,
        landMu: 999,
      });
      expect(typed.statusCode).toBe(400);
    });

    it('moves a plot only along the status machine; an illegal move is a bilingual 409; every move audited', async () => {
      let p = await plot({});
      expect(p.status).toBe('stock');
      const move = (status: string, version: number) =>
        t.call(officer, 'POST', `/api/plots/${p.id}/status`, { status, version });
      const bad = await move('producing', p.version);
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error.code).toBe('PLOT_STATUS_REFUSED');
      expect(bad.json().error.message.zh).toContain('储备');
      expect(bad.json().error.message.en).toContain('Land bank');
      for (const s of ['for_sale', 'sold', 'supplied', 'building', 'idle', 'for_sale']) {
        const res = await move(s, p.version);
        expect(res.statusCode, `${s} ${res.body}`).toBe(200);
        p = res.json();
      }
      expect((await move('sold', 1)).json().error.code).toBe('STALE_VERSION');
      const audit = (await t.call(admin, 'GET', `/api/audit?entity=plot&entityId=${p.id}`)).json()
        .items as Array<{ action: string }>;
      expect(audit.filter((a) => a.action === 'status')).toHaveLength(6);
      expect(
        (await t.call(leader, 'POST', `/api/plots/${p.id}/status`, { status: 'sold', version: p.version }))
          .statusCode,
      ).toBe(403);
    });

    it('lets one lead hold a place: a second reservation is a 409; released, another may; occupancy follows', async () => {
      const p = await plot({ status: 'for_sale', areaMu: 30 });
      const u = await unit({ areaM2: 500 });
      const a = await lead('意向测试A');
      const b = await lead('意向测试B');
      const before = await getPark();
      const r1 = await t.call(officer, 'POST', `/api/plots/${p.id}/reservations`, {
        leadId: a.id,
        note: '已带看',
      });
      expect(r1.statusCode, r1.body).toBe(201);
      const second = await t.call(officer, 'POST', `/api/plots/${p.id}/reservations`, { leadId: b.id });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('PLACE_RESERVED');
      expect(second.json().error.message.zh).toContain('意向');
      const after = await getPark();
      expect(after.landReservedMu).toBe(before.landReservedMu + 30);
      expect(after.landTakenRate).toBeGreaterThan(before.landTakenRate ?? 0);
      expect((await t.call(leader, 'GET', `/api/plots/${p.id}`)).json().reservation.leadTitle).toBe(
        '意向测试A',
      );

      const ru = await t.call(officer, 'POST', `/api/units/${u.id}/reservations`, { leadId: a.id });
      expect(ru.statusCode, ru.body).toBe(201);
      expect((await t.call(leader, 'GET', `/api/units/${u.id}`)).json().status).toBe('intent');
      expect((await getPark()).occupancyRate).toBeGreaterThan(after.occupancyRate ?? 0);
      expect(
        (await t.call(officer, 'POST', `/api/units/${u.id}/reservations`, { leadId: b.id })).statusCode,
      ).toBe(409);

      // Someone else's lead: not theirs to promise.
      const adminLead = await lead('管理员的线索', admin);
      expect(
        (await t.call(officer, 'POST', `/api/plots/${p.id}/reservations`, { leadId: adminLead.id }))
          .statusCode,
      ).toBe(403);
      const sold = await plot({ status: 'sold' });
      expect(
        (await t.call(officer, 'POST', `/api/plots/${sold.id}/reservations`, { leadId: b.id })).json().error
          .code,
      ).toBe('PLACE_NOT_AVAILABLE');

      const released = await t.call(officer, 'POST', `/api/reservations/${r1.json().id}/release`);
      expect(released.statusCode).toBe(200);
      expect((await t.call(officer, 'POST', `/api/reservations/${r1.json().id}/release`)).statusCode).toBe(
        409,
      );
      expect(
        (await t.call(officer, 'POST', `/api/plots/${p.id}/reservations`, { leadId: b.id })).statusCode,
      ).toBe(201);
      const audit = (
        await t.call(admin, 'GET', `/api/audit?entity=site_reservation&entityId=${r1.json().id}`)
      ).json().items;
      expect(audit.map((x: { action: string }) => x.action).sort()).toEqual(['create', 'release']);
    });

    it('ranks available plots and units for a lead with reasons that add up; reserved places are left out', async () => {
      const fit = await plot({ status: 'for_sale', areaMu: 80, powerKva: 5000, price: 10_000_000 });
      const l = await lead('选址测试');
      const res = await t.call(
        officer,
        'GET',
        `/api/leads/${l.id}/sites?landMu=80&chainId=${petChain}&powerKva=4000&budget=20000000`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const sites = res.json() as Sites;
      expect(sites.needs.chainName).toBe('宠物产业链');
      expect(sites.items[0]?.id).toBe(fit.id);
      for (const s of sites.items) {
        expect(Math.round(s.reasons.reduce((x, r) => x + r.points, 0) * 10) / 10).toBe(s.score);
      }
      expect(sites.items[0]?.reasons.map((r) => r.factor)).toEqual(['size', 'chain', 'power', 'budget']);
      await t.call(officer, 'POST', `/api/plots/${fit.id}/reservations`, { leadId: l.id });
      const again = (await t.call(officer, 'GET', `/api/leads/${l.id}/sites?landMu=80`)).json() as Sites;
      expect(again.items.some((s) => s.id === fit.id)).toBe(false);
      expect(again.reservations[0]?.placeLabel).toBe(fit.code);
    });

    it('imports outlines all-or-nothing: per-feature errors in the preview, nothing written until every feature is fine', async () => {
      const count = async () =>
        (await t.call(leader, 'GET', `/api/plots?parkId=${park.id}&limit=1`)).json().total as number;
      const send = (name: string, bytes: Buffer, fields: Record<string, string>) => {
        const form = importForm(name, bytes, { parkId: park.id, ...fields });
        return t.app.inject({
          method: 'POST',
          url: '/api/plots/import',
          headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': form.contentType },
          payload: form.payload,
        });
      };
      const good = threePlots('GJ');
      const open = {
        type: 'Feature',
        properties: { 地块编号: 'GJ-open' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116, 36.4],
              [116.01, 36.4],
              [116.01, 36.41],
            ],
          ],
        },
      };
      const point = {
        type: 'Feature',
        properties: { 地块编号: 'GJ-pt' },
        geometry: { type: 'Point', coordinates: [116, 36.4] },
      };
      const start = await count();
      const preview = await send('plots.geojson', geojsonOf(good, [open, point]), {});
      expect(preview.statusCode, preview.body).toBe(200);
      const body = preview.json() as ImportPreview;
      expect(body.mapping).toMatchObject({ 地块编号: 'code', 用地性质: 'landUse', 状态: 'status' });
      expect(body.errorCount).toBe(2);
      expect(body.features[3]?.errors[0]?.zh).toContain('少于4个点');
      expect(body.features[4]?.errors[0]?.en).toContain('Point');
      expect(body.features[0]).toMatchObject({ code: 'GJ-1', status: 'for_sale', errors: [] });
      expect(body.features[0]?.outlineMu).toBeGreaterThan(25);
      const refused = await send('plots.geojson', geojsonOf(good, [open, point]), { apply: 'true' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('PLOT_IMPORT_REFUSED');
      expect(refused.json().error.preview.errorCount).toBe(2);
      expect(await count()).toBe(start);

      const applied = await send('plots.geojson', geojsonOf(good), { apply: 'true' });
      expect(applied.json()).toMatchObject({ applied: true, created: 3 });
      expect(await count()).toBe(start + 3);
      // The same numbers again: each named, nothing written.
      const dup = (await send('plots.geojson', geojsonOf(good), {})).json() as ImportPreview;
      expect(dup.features.every((f) => f.errors.some((e) => e.zh.includes('已有编号')))).toBe(true);

      const kml = await send('plots.kml', kmlOf(threePlots('KML')), {
        apply: 'true',
        mapping: JSON.stringify({ name: 'code', 状态: 'status' }),
      });
      expect(kml.json(), kml.body).toMatchObject({ format: 'kml', applied: true, created: 3 });
      const kmz = await send('plots.kmz', kmzOf(threePlots('KMZ')), { apply: 'true' });
      expect(kmz.json(), kmz.body).toMatchObject({ format: 'kmz', applied: true, created: 3 });
      const shp = await send('plots.zip', shapefileZipOf(threePlots('SHP')), { apply: 'true' });
      expect(shp.json(), shp.body).toMatchObject({ format: 'shapefile', applied: true, created: 3 });
      expect(await count()).toBe(start + 12);
      const imported = await allOf<Plot>(`/api/plots?parkId=${park.id}&q=SHP`);
      expect(imported.map((p) => p.code).sort()).toEqual(['SHP-1', 'SHP-2', 'SHP-3']);
      expect(imported[0]?.geometry?.type).toBe('Polygon');

      const junk = await send('plots.kmz', Buffer.from('not a zip'), {});
      expect(junk.statusCode).toBe(400);
      const audit = (await t.call(admin, 'GET', `/api/audit?entity=park&entityId=${park.id}`)).json()
        .items as Array<{ action: string }>;
      expect(audit.filter((a) => a.action === 'import-plots')).toHaveLength(4);
    });

    it('draws the map on a plain background unless a basemap is configured', async () => {
      // The test app runs without LIANZHAO_MAP_TILES: no tiles, and the CSP loads no outside image.
      const res = await t.call(leader, 'GET', '/api/map/basemap');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ tiles: null, attribution: null });
      expect(String(res.headers['content-security-policy'])).toContain("img-src 'self' data: blob:;");
    });

    it('draws the map from the zone’s outlines and filters it like the lists', async () => {
      const whole = await t.call(leader, 'GET', '/api/map');
      expect(whole.headers['content-type']).toMatch(/^application\/json/);
      // The route writes its JSON text itself (no per-request zod pass): the contract is held here.
      const all = mapSchema.parse(whole.json());
      expect(all.bbox?.[0]).toBeLessThan(all.bbox?.[2] ?? 0);
      expect(all.features.some((f) => f.properties.kind === 'plot')).toBe(true);
      const res = await t.call(leader, 'GET', `/api/map?chainId=${petChain}&status=for_sale,idle&minMu=25`);
      expect(res.statusCode, res.body).toBe(200);
      const feats = res.json().features as Array<{
        properties: { kind: string; status: string; areaMu: number; parkId: string };
      }>;
      const plots = feats.filter((f) => f.properties.kind === 'plot');
      expect(plots.length).toBeGreaterThan(0);
      for (const f of plots) {
        expect(['for_sale', 'idle']).toContain(f.properties.status);
        expect(f.properties.areaMu).toBeGreaterThanOrEqual(25);
      }
      const listed = await allOf<Plot>(`/api/plots?chainId=${petChain}&status=for_sale,idle&minMu=25`);
      expect(plots.length).toBe(listed.filter((p) => p.geometry).length);
    });

    it('scopes as projects do: an enterprise sees the land but only its own projects, and no reservations', async () => {
      const projects = (await t.call(firmUser, 'GET', '/api/projects')).json().items as Array<{ id: string }>;
      const other = (await t.call(leader, 'GET', `/api/projects?q=${encodeURIComponent('瀚洋重工')}`)).json()
        .items[0] as { id: string };
      const mine = await plot({ status: 'building' });
      const theirs = await plot({ status: 'building' });
      // The project's officer (or an admin) places it.
      const place = async (p: Plot, projectId: string) =>
        (
          await t.call(admin, 'PUT', `/api/plots/${p.id}/project`, { version: p.version, projectId })
        ).json() as Plot;
      await place(mine, projects[0]?.id ?? '');
      await place(theirs, other.id);
      const seeMine = (await t.call(firmUser, 'GET', `/api/plots/${mine.id}`)).json() as Plot;
      expect(seeMine.project?.id).toBe(projects[0]?.id);
      const seeTheirs = (await t.call(firmUser, 'GET', `/api/plots/${theirs.id}`)).json() as Plot;
      expect(seeTheirs.project).toBeNull();
      expect(seeTheirs.firms).toEqual([]);
      expect((await t.call(leader, 'GET', `/api/plots/${theirs.id}`)).json().project.id).toBe(other.id);
      const reserved = (await allOf<Plot>(`/api/plots?parkId=${park.id}`)).filter((p) => p.reservation);
      expect(reserved.length).toBeGreaterThan(0);
      const asFirm = (await t.call(firmUser, 'GET', `/api/plots?parkId=${park.id}&limit=200`)).json()
        .items as Plot[];
      expect(asFirm.every((p) => p.reservation === null)).toBe(true);
      // The map tells reserved plots apart only to those who may see reservations.
      const mapPlotsOf = async (s: Session) =>
        mapSchema
          .parse((await t.call(s, 'GET', `/api/map?parkId=${park.id}`)).json())
          .features.filter((f) => f.properties.kind === 'plot');
      const reservedIds = new Set(reserved.filter((p) => p.geometry).map((p) => p.id));
      expect(reservedIds.size).toBeGreaterThan(0);
      const seenByLeader = (await mapPlotsOf(leader)).filter((f) => f.properties.reserved);
      expect(new Set(seenByLeader.map((f) => f.id))).toEqual(reservedIds);
      expect((await mapPlotsOf(firmUser)).some((f) => f.properties.reserved)).toBe(false);
      expect(
        (await t.call(firmUser, 'POST', '/api/plots', { parkId: park.id, code: 'x', areaMu: 1 })).statusCode,
      ).toBe(403);
      expect((await t.call(firmUser, 'GET', `/api/leads/${'x'}/sites`)).statusCode).toBe(403);
      // Placing a project makes the park count it; someone else's project is not an officer's to place.
      expect((await getPark()).projects).toBe(2);
      const adminsProject = (
        await t.call(admin, 'POST', '/api/projects', { name: '管理员的项目' })
      ).json() as { id: string };
      const officerTry = await t.call(officer, 'PUT', `/api/plots/${theirs.id}/project`, {
        version: 2,
        projectId: adminsProject.id,
      });
      expect(officerTry.statusCode).toBe(403);
    });
  },
);
