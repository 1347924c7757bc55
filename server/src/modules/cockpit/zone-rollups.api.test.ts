import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { hasLateMilestone } from '../../test/late-milestone';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB, TEST_DB_KIND } from '../../test/test-db';
import { filledTemplate, importFile } from '../import/import.test-helpers';
import { recountZoneRollups, storedZoneRollups } from './zone-rollups.repository';

/**
 * The cockpit's roll-ups (migration 20261206_0019 triggers, 0020 for parks, 0037 for chain links) must equal a fresh aggregate of the
 * records after every kind of write: the demo data as seeded, API creates, edits (park, investment),
 * stage moves, milestones added, moved and completed, an Excel import, and writes that bypass the
 * services (a bulk insert, a delete that cascades to milestones), several changes of one project in
 * one transaction and a rolled-back one (on PostgreSQL the counts are added at commit, 0036). The
 * cockpit and the warnings read these roll-ups, so this is also what keeps their figures right.
 */
const ACTIVE = PROJECT_STAGES.filter((s) => s.order !== null).map((s) => s.key);

describe.skipIf(SKIP_DB)('cockpit roll-ups kept by the database', () => {
  let t: TestApp;
  let officer: Session;
  let firmId: string;

  const expectRecount = async () => {
    const counted = await recountZoneRollups(t.db.kysely);
    expect(await storedZoneRollups(t.db.kysely)).toEqual(counted);
    return counted;
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await t.call(officer, 'POST', '/api/projects', {
      investors: [{ firmId, sharePct: 100 }],
      totalInvestment: 120_000_000,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    firmId = (await t.call(officer, 'POST', '/api/firms', { name: '汇总测试投资有限公司' })).json().id;
  });
  afterAll(async () => t?.close());

  it('matches a recount of the demo data as seeded', async () => {
    const counted = await expectRecount();
    expect(counted.projects.length).toBeGreaterThan(0);
    expect(counted.stageDays.length).toBeGreaterThan(0);
  });

  it('follows creates, edits, stage moves and milestone writes made through the API', async () => {
    const p = await create({ name: '汇总测试甲项目', park: '汇总测试园' });
    await expectRecount();
    const edited = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: p.version,
      park: '汇总测试乙园',
      totalInvestment: 250_000_000,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await expectRecount();
    const moved = await t.call(officer, 'POST', `/api/projects/${p.id}/stage`, {
      to: 'registered',
      date: '2026-01-15',
      version: edited.json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await expectRecount();
    expect(after.projects).toContainEqual({
      park: '汇总测试乙园',
      link_id: '',
      stage: 'registered',
      projects: 1,
      investment: 250_000_000,
      valued: 1,
      funds: 0,
    });

    const m1 = await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
      name: '主体完工',
      plannedDate: '2026-02-10',
    });
    expect(m1.statusCode, m1.body).toBe(201);
    const m2 = await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
      name: '竣工验收',
      plannedDate: '2026-01-20',
    });
    expect(m2.statusCode, m2.body).toBe(201);
    let counted = await expectRecount();
    expect(counted.lateFrom).toContainEqual({
      project_id: p.id,
      first_planned: '2026-01-20',
      park: '汇总测试乙园',
      link_id: '',
    });
    // Completing the earlier milestone moves the project's first open date to the later one.
    const done = await t.call(officer, 'PATCH', `/api/projects/${p.id}/milestones/${m2.json().id}`, {
      version: 1,
      actualDate: '2026-02-01',
    });
    expect(done.statusCode, done.body).toBe(200);
    counted = await expectRecount();
    expect(counted.lateFrom).toContainEqual({
      project_id: p.id,
      first_planned: '2026-02-10',
      park: '汇总测试乙园',
      link_id: '',
    });
    expect(counted.parkLateDays).toContainEqual({
      park: '汇总测试乙园',
      first_planned: '2026-02-10',
      projects: 1,
    });
    // A project with a late milestone moving park takes its late count along.
    const current = await t.call(officer, 'GET', `/api/projects/${p.id}`);
    const movedPark = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: current.json().version,
      park: '汇总测试丙园',
      fundsInPlace: 30_000_000,
    });
    expect(movedPark.statusCode, movedPark.body).toBe(200);
    counted = await expectRecount();
    expect(counted.parkLateDays).toContainEqual({
      park: '汇总测试丙园',
      first_planned: '2026-02-10',
      projects: 1,
    });
    expect(counted.parkMilestoneDays).toContainEqual({
      park: '汇总测试丙园',
      planned_date: '2026-02-10',
      milestones: 1,
    });
    expect(counted.parkStageDays).toContainEqual({
      park: '汇总测试丙园',
      stage: 'registered',
      stage_date: '2026-01-15',
      projects: 1,
    });
    const replanned = await t.call(officer, 'PATCH', `/api/projects/${p.id}/milestones/${m1.json().id}`, {
      version: 1,
      plannedDate: '2026-02-20',
    });
    expect(replanned.statusCode, replanned.body).toBe(200);
    await expectRecount();
  });

  it('follows an Excel import of projects', async () => {
    const job = await importFile(
      t,
      officer,
      'project',
      await filledTemplate(t, officer, 'project', [
        { 项目编号: 'HZ2026-001', 项目名称: '汇总导入项目甲', 投资方: '汇总测试投资有限公司 100%' },
        { 项目编号: 'HZ2026-002', 项目名称: '汇总导入项目乙', 投资方: '汇总测试投资有限公司 100%' },
      ]),
      120_000,
    );
    expect(job).toMatchObject({ status: 'done' });
    const counted = await expectRecount();
    expect(counted.projects.reduce((n, r) => n + r.projects, 0)).toBe(
      Number(
        (
          await t.db.kysely
            .selectFrom('project')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    // A shared 2-core machine can take longer than the default 30 s to parse and apply the workbook.
  }, 150_000);

  it('follows writes that bypass the services: a bulk insert and a delete cascading to milestones', async () => {
    const p = await create({ name: '汇总测试删除项目', park: '汇总测试园' });
    const ms = await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
      name: '投产',
      plannedDate: '2026-01-05',
    });
    expect(ms.statusCode, ms.body).toBe(201);
    const now = '2026-03-01T00:00:00.000Z';
    await t.db.kysely
      .insertInto('project')
      .values(
        ['01900000-0000-7000-8000-0000000a1901', '01900000-0000-7000-8000-0000000a1902'].map((id, i) => ({
          id,
          code: `HZBULK-${i}`,
          name: `汇总批量项目${i}`,
          park: '汇总测试园',
          stage: 'signed',
          stage_date: '2025-06-01',
          total_investment: 10_000_000 * (i + 1),
          search_text: '',
          is_sample: 0,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await expectRecount();
    await t.db.kysely.deleteFrom('project').where('id', '=', p.id).execute();
    const counted = await expectRecount();
    expect(counted.lateFrom.some((r) => r.project_id === p.id)).toBe(false);
  });

  it('follows several changes of one project in one transaction, and nothing of a rolled-back one', async () => {
    // On PostgreSQL the counted roll-ups are added at commit (migration 0036): each change must
    // still count once, with the row as it was at that change.
    const p = await create({ name: '汇总测试多次修改', park: '汇总测试园' });
    await t.db.kysely.transaction().execute(async (trx) => {
      const edit = (set: Record<string, unknown>) =>
        trx.updateTable('project').set(set).where('id', '=', p.id).execute();
      await edit({ total_investment: 300_000_000 });
      await edit({ stage: 'registered', stage_date: '2026-02-01' });
      await edit({ park: '汇总测试二园', funds_in_place: 5_000_000 });
      await edit({ total_investment: null });
    });
    await expectRecount();
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('project').set({ total_investment: 1 }).where('id', '=', p.id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectRecount();
  });

  it.skipIf(TEST_DB_KIND !== 'postgres')(
    'holds no roll-up row between a project write and its commit (PostgreSQL: counted at commit)',
    async () => {
      const link = await t.db.kysely.selectFrom('chain_link').select('id').executeTakeFirstOrThrow();
      const p = await create({ name: '汇总测试锁', park: '汇总测试锁园', linkId: link.id });
      const row = await t.db.kysely
        .selectFrom('project_rollup')
        .select(['park', 'link_id', 'stage'])
        .where('park', '=', '汇总测试锁园')
        .executeTakeFirstOrThrow();
      expect(row.link_id).toBe(link.id);
      await t.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('project').set({ total_investment: 7 }).where('id', '=', p.id).execute();
        // Another connection takes the group's roll-up row and the link's at once: the open edit
        // holds neither (before 0036 it held both, so a second edit of the group or of any project,
        // firm or lead of the link waited for this transaction to end).
        const rollup = await sql<{ projects: number }>`select projects from project_rollup
          where park = ${row.park} and link_id = ${row.link_id} and stage = ${row.stage} for update nowait`.execute(
          t.db.kysely,
        );
        expect(rollup.rows).toHaveLength(1);
        const linkStat = await sql<{ projects: number }>`select projects from link_stat
          where link_id = ${link.id} for update nowait`.execute(t.db.kysely);
        expect(linkStat.rows).toHaveLength(1);
      });
      await expectRecount();
    },
  );

  it('serves the cockpit figures from the roll-ups: they equal the counts over the projects', async () => {
    const res = await t.call(
      await t.login('leader'),
      'GET',
      `/api/cockpit?park=${encodeURIComponent('汇总测试园')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      funnel: Array<{ stage: string; count: number }>;
      options: { parks: string[] };
    };
    const signed = await t.db.kysely
      .selectFrom('project')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('park', '=', '汇总测试园')
      .where('stage', 'in', ACTIVE)
      .executeTakeFirstOrThrow();
    expect(body.funnel[0]?.count).toBe(Number(signed.n));
    expect(body.options.parks).toContain('汇总测试丙园');
  });

  it('gives the project list its total from the roll-up for stage/park/chain filters: the count over the projects', async () => {
    const leader = await t.login('leader');
    const chain = await t.db.kysely
      .selectFrom('chain_link')
      .innerJoin('project', 'project.link_id', 'chain_link.id')
      .select('chain_link.chain_id')
      .executeTakeFirst();
    const filters: Array<Record<string, string>> = [
      {},
      { stage: 'signed,registered' },
      { park: '汇总测试园' },
      { park: '汇总测试园', stage: 'signed' },
      ...(chain ? [{ chainId: chain.chain_id, stage: ACTIVE.join(',') }] : []),
    ];
    for (const query of filters) {
      const res = await t.call(
        leader,
        'GET',
        `/api/projects?${new URLSearchParams({ ...query, limit: '5' })}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      let q = t.db.kysely.selectFrom('project').select((eb) => eb.fn.countAll().as('n'));
      if (query.stage) q = q.where('stage', 'in', query.stage.split(','));
      if (query.park) q = q.where('park', '=', query.park);
      if (query.chainId) {
        const chainId = query.chainId;
        q = q.where('link_id', 'in', (eb) =>
          eb.selectFrom('chain_link').select('id').where('chain_id', '=', chainId),
        );
      }
      const counted = Number((await q.executeTakeFirstOrThrow()).n);
      expect(res.json().total, JSON.stringify(query)).toBe(counted);
    }
    expect(chain).toBeDefined();
  });

  it("serves a park's late and stuck counts from the park roll-ups: they equal the counts over the projects", async () => {
    const park = '汇总测试丙园';
    const leader = await t.login('leader');
    const res = await t.call(leader, 'GET', `/api/cockpit?park=${encodeURIComponent(park)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { today: string; late: { count: number; items: Array<{ id: string }> } };
    const late = await t.db.kysely
      .selectFrom('project')
      .select('project.id')
      .where('project.park', '=', park)
      .where(hasLateMilestone(body.today))
      .execute();
    expect(late.length).toBeGreaterThan(0);
    expect(body.late.count).toBe(late.length);
    expect(body.late.items.map((i) => i.id).sort()).toEqual(late.map((r) => r.id).sort());
  });
});
