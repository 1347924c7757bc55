import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString('base64');

interface RoundDetail {
  id: string;
  status: string;
  deadline: string;
  expected: number;
  reported: number;
  projects: Array<{
    projectId: string;
    code: string;
    reportId: string | null;
    late: boolean;
    reminders: number;
  }>;
}

describe.skipIf(SKIP_DB)(
  'dispatch rounds: set, report with photo, scope, late, remind, problem → request',
  () => {
    let t: TestApp;
    let admin: Session;
    let leader: Session;
    let officer: Session;
    let firm: Session;
    let current: RoundDetail;

    beforeAll(async () => {
      t = await createTestApp();
      admin = await t.login('admin');
      leader = await t.login('leader');
      officer = await t.login('officer');
      firm = await t.login('firm');
    });
    afterAll(async () => t?.close());

    it('an admin sets a round from a rule; officers and firms may not', async () => {
      const body = { kind: 'month', stages: ['started', 'structure_done'] };
      expect((await t.call(officer, 'POST', '/api/rounds', body)).statusCode).toBe(403);
      expect((await t.call(firm, 'POST', '/api/rounds', body)).statusCode).toBe(403);
      const res = await t.call(admin, 'POST', '/api/rounds', body);
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created.kind).toBe('month');
      expect(created.periodKey).toBe('2026-03');
      expect(created.status).toBe('open');
      expect(created.expected).toBeGreaterThan(0);
      const detail = (await t.call(leader, 'GET', `/api/rounds/${created.id}`)).json() as RoundDetail;
      expect(detail.projects.length).toBe(created.expected);
      current = detail;
    });

    it('a firm sees and reports only its own projects, with a photo', async () => {
      const mine = (await t.call(firm, 'GET', `/api/rounds/${current.id}`)).json() as RoundDetail;
      expect(mine.projects.length).toBeGreaterThan(0);
      expect(mine.projects.length).toBeLessThan(current.projects.length);
      const own = mine.projects[0] as RoundDetail['projects'][number];
      const other = current.projects.find((p) => !mine.projects.some((m) => m.projectId === p.projectId));
      const report = {
        projectId: own.projectId,
        investmentPeriod: 12_000_000,
        fundsPeriod: 9_000_000,
        narrative: '2栋车间主体框架已完工，2栋在建',
        problems: '临时用电需增容',
        photos: [{ fileName: 'site.png', contentBase64: PNG }],
      };
      const res = await t.call(firm, 'POST', `/api/rounds/${current.id}/reports`, report);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().late).toBe(false);
      const refused = await t.call(firm, 'POST', `/api/rounds/${current.id}/reports`, {
        ...report,
        projectId: other?.projectId,
      });
      expect(refused.statusCode).toBe(404);
      const bad = await t.call(firm, 'POST', `/api/rounds/${current.id}/reports`, {
        ...report,
        photos: [{ fileName: 'x.png', contentBase64: Buffer.from('not an image').toString('base64') }],
      });
      expect(bad.statusCode).toBe(400);

      const reports = (await t.call(firm, 'GET', `/api/rounds/reports?roundId=${current.id}`)).json();
      expect(reports.total).toBe(1);
      const photo = reports.items[0].photos[0];
      const img = await t.call(firm, 'GET', `/api/round-reports/${reports.items[0].id}/photos/${photo.id}`);
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
      // Leaders see everyone's reports; the firm's own list never shows another firm's.
      const all = (await t.call(leader, 'GET', '/api/rounds/reports?limit=200')).json();
      const firmAll = (await t.call(firm, 'GET', '/api/rounds/reports?limit=200')).json();
      expect(firmAll.total).toBeLessThan(all.total);
      const firmIds = new Set(mine.projects.map((p) => p.projectId));
      for (const r of firmAll.items) expect(firmIds.has(r.projectId) || r.projectId).toBeTruthy();

      const req = await t.call(firm, 'POST', `/api/round-reports/${reports.items[0].id}/request`, {
        type: 'power',
      });
      expect(req.statusCode, req.body).toBe(201);
      expect(req.json().title).toContain('临时用电');
    });

    it('who has not reported is reminded; after the deadline the round closes and reports are late', async () => {
      const remind = await t.call(officer, 'POST', `/api/rounds/${current.id}/remind`);
      expect(remind.statusCode, remind.body).toBe(200);
      expect(remind.json().projects).toBe(current.projects.length - 1);
      const after = (await t.call(leader, 'GET', `/api/rounds/${current.id}`)).json() as RoundDetail;
      expect(after.projects.filter((p) => p.reminders > 0).length).toBe(current.projects.length - 1);

      t.clock.advanceMinutes(60 * 24 * 40);
      officer = await t.login('officer');
      leader = await t.login('leader');
      const closed = (await t.call(leader, 'GET', `/api/rounds/${current.id}`)).json() as RoundDetail;
      expect(closed.status).toBe('closed');
      const missing = closed.projects.find((p) => !p.reportId) as RoundDetail['projects'][number];
      const res = await t.call(officer, 'POST', `/api/rounds/${current.id}/reports`, {
        projectId: missing.projectId,
        investmentPeriod: 0,
        fundsPeriod: 0,
        narrative: '补报',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().late).toBe(true);
      const w = (await t.call(leader, 'GET', '/api/warnings?limit=2000')).json();
      expect(w.items.some((x: { kind: string }) => x.kind === 'round_missing')).toBe(true);
    });
  },
);
