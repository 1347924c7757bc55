import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as revisionsMigration from '../../db/migrations/20261126_0011_round_revisions';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface RoundProject {
  projectId: string;
  reportId: string | null;
  reportVersion: number | null;
  reporterName: string | null;
  investmentPeriod: number | null;
}

interface Revision {
  version: number;
  reporterName: string;
  reporterRole: string;
  writtenAt: string;
  investmentPeriod: number;
  narrative: string;
}

/** 入统 figures of a round report: versions checked, the project's owner rule, every revision kept. */
describe.skipIf(SKIP_DB)('round reports: concurrent writers, owners, revisions', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let firm: Session;
  let stranger: Session;
  let roundId: string;
  let projectId: string;
  const names = new Map<Session, string>();

  const project = async (): Promise<RoundProject> => {
    const d = (await t.call(admin, 'GET', `/api/rounds/${roundId}`)).json() as { projects: RoundProject[] };
    return d.projects.find((p) => p.projectId === projectId) as RoundProject;
  };
  const report = (who: Session, investmentPeriod: number, version?: number) =>
    t.call(who, 'POST', `/api/rounds/${roundId}/reports`, {
      projectId,
      investmentPeriod,
      fundsPeriod: 0,
      narrative: `${names.get(who)} 报送 ${investmentPeriod}`,
      ...(version === undefined ? {} : { version }),
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('officer');
    firm = await t.login('firm');
    // An officer who owns none of the firm's projects.
    const made = await t.call(admin, 'POST', '/api/users', {
      username: 'officer2',
      displayName: '李四',
      role: 'officer',
      password: 'Start#2026a',
    });
    expect(made.statusCode, made.body).toBe(201);
    const first = await t.login('officer2', 'Start#2026a');
    const changed = await t.call(first, 'POST', '/api/auth/change-password', {
      currentPassword: 'Start#2026a',
      newPassword: 'Other#2026b',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    stranger = await t.login('officer2', 'Other#2026b');
    for (const s of [admin, officer, firm, stranger]) {
      names.set(s, (await t.call(s, 'GET', '/api/auth/me')).json().user.displayName);
    }

    const round = await t.call(admin, 'POST', '/api/rounds', { kind: 'month' });
    expect(round.statusCode, round.body).toBe(201);
    roundId = round.json().id;
    // A project of the firm that the demo officer owns.
    const own = (await t.call(firm, 'GET', `/api/rounds/${roundId}`)).json() as { projects: RoundProject[] };
    const owned = [];
    for (const p of own.projects) {
      const full = (await t.call(admin, 'GET', `/api/projects/${p.projectId}`)).json();
      if (full.officerName === names.get(officer)) owned.push(p.projectId);
    }
    projectId = owned[0] as string;
    expect(projectId).toBeTruthy();
  });
  afterAll(async () => t?.close());

  it('three first filings at once: the non-owner is refused, one of the others wins, the other is stale', async () => {
    const [byFirm, byOfficer, byStranger] = await Promise.all([
      report(firm, 1_000_000),
      report(officer, 2_000_000),
      report(stranger, 3_000_000),
    ]);
    expect(byStranger.statusCode).toBe(403);
    expect([byFirm.statusCode, byOfficer.statusCode].sort()).toEqual([201, 409]);
    const winner = byFirm.statusCode === 201 ? firm : officer;
    const stored = await project();
    expect(stored.reportVersion).toBe(1);
    expect(stored.investmentPeriod).toBe(winner === firm ? 1_000_000 : 2_000_000);
    expect(stored.reporterName).toBe(names.get(winner));
  });

  it('two corrections of the same version at once: one wins, the other is stale; the reporter is the last writer', async () => {
    const [a, b] = await Promise.all([report(firm, 4_000_000, 1), report(officer, 5_000_000, 1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const winner = a.statusCode === 201 ? firm : officer;
    expect((a.statusCode === 201 ? a : b).json().version).toBe(2);
    let stored = await project();
    expect(stored.investmentPeriod).toBe(winner === firm ? 4_000_000 : 5_000_000);
    expect(stored.reporterName).toBe(names.get(winner));

    // A correction from an old read, or with no version, is stale; the non-owner still refused.
    expect((await report(officer, 6_000_000, 1)).statusCode).toBe(409);
    expect((await report(officer, 6_000_000)).statusCode).toBe(409);
    expect((await report(stranger, 6_000_000, 2)).statusCode).toBe(403);
    const loser = winner === firm ? officer : firm;
    const last = await report(loser, 6_000_000, 2);
    expect(last.statusCode, last.body).toBe(201);
    stored = await project();
    expect(stored.reportVersion).toBe(3);
    expect(stored.reporterName).toBe(names.get(loser));
  });

  it('keeps every revision: who, when, the figures as written, newest first', async () => {
    const { reportId } = await project();
    const res = await t.call(firm, 'GET', `/api/round-reports/${reportId}/revisions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Revision[];
    expect(items.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(items[0]?.investmentPeriod).toBe(6_000_000);
    expect([4_000_000, 5_000_000]).toContain(items[1]?.investmentPeriod);
    expect([1_000_000, 2_000_000]).toContain(items[2]?.investmentPeriod);
    for (const r of items) {
      expect(r.narrative).toBe(`${r.reporterName} 报送 ${r.investmentPeriod}`);
      expect(r.writtenAt).toBeTruthy();
    }
    // Rejected writes left nothing behind.
    expect(items.some((r) => r.reporterName === names.get(stranger))).toBe(false);
  });

  it('the migration keeps each report filed before it as its first known revision', async () => {
    const count = async (table: 'round_report' | 'round_report_revision') =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await revisionsMigration.down(t.db.kysely);
    await revisionsMigration.up(t.db.kysely);
    expect(await count('round_report')).toBeGreaterThan(1);
    expect(await count('round_report_revision')).toBe(await count('round_report'));
    const { reportId, reporterName } = await project();
    const kept = (await t.call(admin, 'GET', `/api/round-reports/${reportId}/revisions`)).json()
      .items as Revision[];
    expect(kept).toMatchObject([{ version: 3, investmentPeriod: 6_000_000, reporterName }]);
  });

  it('shows revisions only to those who may see the project', async () => {
    const other = (await t.call(admin, 'GET', `/api/rounds/${roundId}`)).json() as {
      projects: RoundProject[];
    };
    const mine = new Set(
      (
        (await t.call(firm, 'GET', `/api/rounds/${roundId}`)).json() as { projects: RoundProject[] }
      ).projects.map((p) => p.projectId),
    );
    const foreign = other.projects.find((p) => !mine.has(p.projectId)) as RoundProject;
    const filed = await t.call(admin, 'POST', `/api/rounds/${roundId}/reports`, {
      projectId: foreign.projectId,
      investmentPeriod: 0,
      fundsPeriod: 0,
      narrative: '管理员代报',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await t.call(firm, 'GET', `/api/round-reports/${filed.json().id}/revisions`)).statusCode).toBe(
      404,
    );
    expect(
      (await t.call(stranger, 'GET', `/api/round-reports/${filed.json().id}/revisions`)).statusCode,
    ).toBe(200);
  });
});
