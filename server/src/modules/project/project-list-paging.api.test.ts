import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project, ProjectList } from '../../../../shared/src/contract/project';
import { staleInvestorCopies } from '../../test/investors-copy';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * Issue 19, the list at the raw-SQL limit: keyset paging (a cursor instead of an offset) and the
 * investors' names the list reads from the project's own row (`investors_json`, migration
 * 20261206_0030), which must follow every investor change and firm rename.
 */
describe.skipIf(SKIP_DB)('project list: keyset paging and the investors copy', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  const list = async (query: Record<string, string>) => {
    const res = await t.call(leader, 'GET', `/api/projects?${new URLSearchParams(query)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ProjectList;
  };
  const firm = async (name: string) =>
    (await t.call(officer, 'POST', '/api/firms', { name })).json() as { id: string; version: number };

  /** Every page through `nextCursor`, `limit` rows at a time: the ids in the order met. */
  const allByCursor = async (query: Record<string, string>, limit: number) => {
    const seen: string[] = [];
    let page = await list({ ...query, limit: String(limit) });
    seen.push(...page.items.map((p) => p.id));
    while (page.nextCursor) {
      page = await list({ ...query, limit: String(limit), cursor: page.nextCursor });
      seen.push(...page.items.map((p) => p.id));
    }
    return seen;
  };

  it('pages by cursor through ties and empty investments, each project once, in the offset order', async () => {
    const chainLink = '翻页测试链·键集环节';
    // Ties on the sort value (three at 5亿, two at 3亿, two without a figure) test the id tie-break.
    const amounts = [
      500_000_000,
      500_000_000,
      500_000_000,
      300_000_000,
      300_000_000,
      null,
      null,
      100_000_000,
    ];
    for (const [n, totalInvestment] of amounts.entries()) {
      const res = await t.call(officer, 'POST', '/api/projects', {
        name: `键集翻页测试项目${n}`,
        chainLink,
        totalInvestment,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const sort of ['-totalInvestment', 'totalInvestment', 'name', '-stageDate']) {
      const whole = await list({ chainLink, sort, limit: '100' });
      expect(whole.total).toBe(amounts.length);
      expect(whole.nextCursor).toBeNull();
      for (const limit of [1, 2, 3]) {
        const ids = await allByCursor({ chainLink, sort }, limit);
        expect(ids, `${sort} by ${limit}`).toEqual(whole.items.map((p) => p.id));
      }
    }
    // Stage and priority are computed orders: those pages stay by offset.
    expect((await list({ chainLink, sort: 'stage', limit: '2' })).nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one, or was made for another sort, naming the field', async () => {
    const first = await list({ sort: '-totalInvestment', limit: '1' });
    expect(first.nextCursor).not.toBeNull();
    for (const query of [
      { cursor: 'bm90LWEtY3Vyc29y', sort: '-totalInvestment' },
      { cursor: String(first.nextCursor), sort: 'name' },
    ]) {
      const res = await t.call(leader, 'GET', `/api/projects?${new URLSearchParams(query)}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('cursor');
      expect(res.body).toContain('翻页位置无效');
    }
  });

  it('shows the investors by their current names after an investor change and a firm rename', async () => {
    const a = await firm('键集投资方甲有限公司');
    const b = await firm('键集投资方乙有限公司');
    const created = await t.call(officer, 'POST', '/api/projects', {
      name: '投资方名称副本测试项目',
      investors: [
        { firmId: a.id, sharePct: 60 },
        { firmId: b.id, sharePct: 40 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const inList = async () => {
      const page = await list({ q: '投资方名称副本测试项目' });
      const found = page.items.find((p) => p.id === id);
      expect(found).toBeDefined();
      return (found as Project).investors;
    };
    expect(await inList()).toEqual([
      { firmId: a.id, firmName: '键集投资方甲有限公司', sharePct: 60 },
      { firmId: b.id, firmName: '键集投资方乙有限公司', sharePct: 40 },
    ]);

    const renamed = await t.call(officer, 'PATCH', `/api/firms/${a.id}`, {
      version: a.version,
      name: '键集投资方甲（更名）有限公司',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await inList()).map((i) => i.firmName)).toEqual([
      '键集投资方甲（更名）有限公司',
      '键集投资方乙有限公司',
    ]);

    const version = ((await t.call(leader, 'GET', `/api/projects/${id}`)).json() as Project).version;
    const edited = await t.call(officer, 'PATCH', `/api/projects/${id}`, {
      version,
      investors: [{ firmId: b.id, sharePct: 100 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await inList()).toEqual([{ firmId: b.id, firmName: '键集投资方乙有限公司', sharePct: 100 }]);
    const detail = (await t.call(leader, 'GET', `/api/projects/${id}`)).json() as Project;
    expect(detail.investors).toEqual(await inList());
  });

  it('keeps every project’s investors copy equal to a fresh read of investors and firms', async () => {
    // Recount over the whole database: the demo's projects, signed leads and the writes above.
    const projects = await t.db.kysely.selectFrom('project').select('id').execute();
    expect(projects.length).toBeGreaterThan(10);
    expect(await staleInvestorCopies(t.db)).toEqual([]);
  });
});
