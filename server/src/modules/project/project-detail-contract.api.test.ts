import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSchema } from '../../../../shared/src/contract/project';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * GET /api/projects/:id writes its answer without a zod pass (lib/json.ts presentedJson, issue 19):
 * every answer must still be exactly the contract's shape — nothing the schema would strip, change
 * or refuse — for every project of the demo zone (all stages, parks, chains, late milestones,
 * reported figures and provenance the demo holds).
 */
describe.skipIf(SKIP_DB)('project page answer = its contract', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  it('answers every demo project exactly as projectSchema reads it', async () => {
    const list = (await t.call(leader, 'GET', '/api/projects?limit=200')).json() as {
      items: { id: string }[];
    };
    expect(list.items.length).toBeGreaterThan(5);
    const stages = new Set<string>();
    for (const { id } of list.items) {
      const res = await t.call(leader, 'GET', `/api/projects/${id}`);
      expect(res.statusCode).toBe(200);
      const answer = res.json() as { stage: string };
      stages.add(answer.stage);
      expect(projectSchema.parse(answer)).toEqual(answer);
    }
    expect(stages.size).toBeGreaterThan(2);
  });

  it('answers a project with every optional field filled exactly as projectSchema reads it', async () => {
    const firm = (await t.call(officer, 'POST', '/api/firms', { name: '契约测试有限公司' })).json() as {
      id: string;
    };
    const created = await t.call(officer, 'POST', '/api/projects', {
      name: '契约测试年产5万吨项目',
      investors: [{ firmId: firm.id, sharePct: 100 }],
      totalInvestment: 500_000_000,
      fixedAssetInvestment: 400_000_000,
      landMu: 120,
      expectedOutput: 900_000_000,
      expectedTax: 30_000_000,
      expectedJobs: 300,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.call(officer, 'GET', `/api/projects/${(created.json() as { id: string }).id}`);
    const answer = res.json() as { expectedJobs: number };
    expect(answer.expectedJobs).toBe(300);
    expect(projectSchema.parse(answer)).toEqual(answer);
  });
});
