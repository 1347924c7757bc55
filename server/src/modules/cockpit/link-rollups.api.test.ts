import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARNING_KINDS } from '../../../../shared/src/dispatch';
import { hasLateMilestone } from '../../test/late-milestone';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { recountZoneRollups, storedZoneRollups } from './zone-rollups.repository';

/**
 * A chain's cockpit from the per-link roll-ups (migration 20261207_0037): the stored counts equal a
 * recount after a project moves link with open milestones (late-from row and milestone counts go
 * with it), a milestone is completed, and the project is deleted; and the cockpit's and warnings'
 * figures for a chain equal counts over the chain's projects.
 */
describe.skipIf(SKIP_DB)('chain-link roll-ups kept by the database', () => {
  let t: TestApp;
  let officer: Session;
  let firmId: string;
  let links: Array<{ id: string; chain_id: string }>;

  const expectRecount = async () => {
    const counted = await recountZoneRollups(t.db.kysely);
    expect(await storedZoneRollups(t.db.kysely)).toEqual(counted);
    return counted;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    firmId = (await t.call(officer, 'POST', '/api/firms', { name: '链路汇总测试有限公司' })).json().id;
    links = await t.db.kysely
      .selectFrom('chain_link')
      .select(['id', 'chain_id'])
      .orderBy('chain_id')
      .orderBy('id')
      .execute();
  });
  afterAll(async () => t?.close());

  it('moves a late project with its milestones to its new link, and takes it away on delete', async () => {
    const [from, to] = [links[0], links.find((l) => l.chain_id !== links[0]?.chain_id)];
    if (!from || !to) throw new Error('the demo has two chains');
    const created = await t.call(officer, 'POST', '/api/projects', {
      investors: [{ firmId, sharePct: 100 }],
      name: '链路汇总测试项目',
      linkId: from.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as { id: string; version: number };
    for (const plannedDate of ['2026-01-20', '2026-02-10']) {
      const m = await t.call(officer, 'POST', `/api/projects/${p.id}/milestones`, {
        name: '节点',
        plannedDate,
      });
      expect(m.statusCode, m.body).toBe(201);
    }
    let counted = await expectRecount();
    expect(counted.lateFrom).toContainEqual(
      expect.objectContaining({ project_id: p.id, link_id: from.id, first_planned: '2026-01-20' }),
    );
    const moved = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: p.version,
      linkId: to.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    counted = await expectRecount();
    expect(counted.lateFrom).toContainEqual(expect.objectContaining({ project_id: p.id, link_id: to.id }));
    expect(counted.linkMilestoneDays).toContainEqual(
      expect.objectContaining({ link_id: to.id, planned_date: '2026-02-10' }),
    );
    expect(counted.linkStageMonths.some((r) => r.link_id === to.id)).toBe(true);
    await t.db.kysely.deleteFrom('project').where('id', '=', p.id).execute();
    counted = await expectRecount();
    expect(counted.lateFrom.some((r) => r.project_id === p.id)).toBe(false);
  });

  it("serves a chain's late, late-milestone and stuck counts from the link roll-ups: the counts over its projects", async () => {
    const leader = await t.login('leader');
    const chains = [...new Set(links.map((l) => l.chain_id))];
    let seenLate = 0;
    for (const chainId of chains) {
      const res = await t.call(leader, 'GET', `/api/cockpit?chain=${chainId}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { today: string; late: { count: number; items: Array<{ id: string }> } };
      const onChain = t.db.kysely
        .selectFrom('project')
        .where('project.link_id', 'in', (eb) =>
          eb.selectFrom('chain_link').select('chain_link.id').where('chain_link.chain_id', '=', chainId),
        );
      const late = await onChain.select('project.id').where(hasLateMilestone(body.today)).execute();
      expect(body.late.count, chainId).toBe(late.length);
      expect(body.late.items.length).toBe(Math.min(10, late.length));
      for (const item of body.late.items) expect(late.map((r) => r.id)).toContain(item.id);
      seenLate += late.length;

      // Unfiltered, the warnings count late milestones and stuck projects from the roll-ups; filtered
      // by kind, over the rows: the kinds' totals add up to the unfiltered total.
      const totalOf = async (query: string) => {
        const res = await t.call(leader, 'GET', `/api/warnings?chain=${chainId}&limit=1${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as { total: number }).total;
      };
      const byKind = await Promise.all(WARNING_KINDS.map((kind) => totalOf(`&kind=${kind}`)));
      expect(await totalOf('')).toBe(byKind.reduce((a, b) => a + b, 0));
      const lateMilestones = await onChain
        .innerJoin('milestone', 'milestone.project_id', 'project.id')
        .where('milestone.actual_date', 'is', null)
        .where('milestone.planned_date', '<', body.today)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(byKind[WARNING_KINDS.indexOf('milestone_late')]).toBe(Number(lateMilestones.n));
    }
    expect(seenLate).toBeGreaterThan(0);
  });
});
