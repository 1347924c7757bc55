import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { PASSAGES } from './intake.test-fixtures';

interface Proposal {
  id: string;
  kind: string;
  targetId: string | null;
  payload: Record<string, unknown>;
  names: Record<string, string>;
  fieldHighlights: Record<string, { start: number; end: number }>;
}

interface Fact<T> {
  value: T;
  span: { start: number; end: number };
  confidence: number;
}

interface ProjectFacts {
  name: string;
  isAggregate: boolean;
  companies: Array<Fact<string>>;
  investmentCny: Fact<number> | null;
  outputValueCny: Fact<number> | null;
  jobs: Fact<number> | null;
  stage: (Fact<string> & { planned: boolean }) | null;
  capacity: Fact<{ asWritten: string }> | null;
}

describe.skipIf(SKIP_DB)('news intake: the facts in the answer, no erasing, duplicates', () => {
  let t: TestApp;
  let officer: Session;

  const guaibao = () =>
    t.db.kysely
      .selectFrom('project')
      .selectAll()
      .where('name', '=', '乖宝宠物年产10万吨高端宠物食品项目')
      .executeTakeFirstOrThrow();
  const read = async (text: string) => {
    const res = await t.call(officer, 'POST', '/api/intake', { text, articleDate: '2024-09-12' });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const figuresOf = (intake: { proposals: Proposal[] }) => {
    const p = intake.proposals.find((x) => x.kind === 'update_project_figures');
    if (!p) throw new Error('no figures proposal');
    return p;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  it('answers every project with its figures, each with the span it was read from', async () => {
    const intake = await read(PASSAGES.newProject);
    const article = intake.articles[0];
    const projects: ProjectFacts[] = article.projects;
    expect(projects).toHaveLength(1);
    const p = projects[0] as ProjectFacts;
    expect(p.isAggregate).toBe(false);
    expect(p.investmentCny?.value).toBe(800_000_000);
    expect(p.outputValueCny?.value).toBe(1_200_000_000);
    expect(p.jobs?.value).toBe(300);
    expect(p.stage?.value).toBe('签约');
    expect(p.capacity?.value.asWritten).toContain('3万吨');
    expect(p.companies.map((c) => c.value)).toContain('瑞丰新材料科技有限公司');
    const at = (f: Fact<unknown> | null | undefined) =>
      f ? article.text.slice(f.span.start, f.span.end) : null;
    expect(at(p.investmentCny)).toContain('8亿元');
    expect(at(p.jobs)).toContain('300');
    expect(at(p.companies[0])).toBe('瑞丰新材料科技有限公司');
    for (const f of [p.investmentCny, p.jobs, p.stage]) {
      expect(f?.confidence).toBeGreaterThan(0);
      expect(f?.confidence).toBeLessThanOrEqual(1);
    }
    expect(article.duplicateOf).toBeNull();
  });

  it('never clears a stored value the officer left empty; clears only what is chosen to clear', async () => {
    const before = await guaibao();
    expect(before.contact_name).toBe('姜子振');
    const first = await read(PASSAGES.guaibaoUpdate);
    const figures = figuresOf(first);
    // The officer empties the contact and the jobs in the edit form: that is "no value", not "clear".
    const res = await t.call(officer, 'POST', `/api/intake/${first.id}/apply`, {
      decisions: [
        {
          proposalId: figures.id,
          action: 'accept',
          payload: { fields: { totalInvestment: 600_000_000, contactName: null, expectedJobs: null } },
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const after = await guaibao();
    expect(after.contact_name).toBe('姜子振');
    expect(after.expected_jobs).toBe(before.expected_jobs);
    expect(Number(after.total_investment)).toBe(600_000_000);

    // Provenance per value: the article, the span of 6亿元 in the text, an estimate from news.
    const prov = await t.call(officer, 'GET', `/api/projects/${after.id}/provenance`);
    expect(prov.statusCode).toBe(200);
    const row = prov.json().items.find((i: { intakeId: string }) => i.intakeId === first.id);
    expect(row.fields).toEqual(['totalInvestment']);
    const value = row.values.find((v: { field: string }) => v.field === 'totalInvestment');
    expect(value).toMatchObject({ value: 600_000_000, basis: 'news_estimate' });
    expect(PASSAGES.guaibaoUpdate.slice(value.span.start, value.span.end)).toContain('6亿元');

    // An explicit clear (a distinct API value) is the only way a stored value goes.
    // A later article with another figure (the stored one is now 6亿元, so it proposes again).
    const second = await read(PASSAGES.guaibaoUpdate.replace('6亿元', '6.5亿元'));
    const bad = await t.call(officer, 'POST', `/api/intake/${second.id}/apply`, {
      decisions: [
        { proposalId: figuresOf(second).id, action: 'accept', payload: { fields: {}, clear: ['nope'] } },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('clear');
    expect((await guaibao()).contact_name).toBe('姜子振');
    const cleared = await t.call(officer, 'POST', `/api/intake/${second.id}/apply`, {
      decisions: [
        {
          proposalId: figuresOf(second).id,
          action: 'accept',
          payload: { fields: {}, clear: ['contactName'] },
        },
      ],
    });
    expect(cleared.statusCode).toBe(200);
    expect((await guaibao()).contact_name).toBeNull();
    const prov2 = await t.call(officer, 'GET', `/api/projects/${after.id}/provenance`);
    const row2 = prov2.json().items.find((i: { intakeId: string }) => i.intakeId === second.id);
    expect(row2.values).toEqual([{ field: 'contactName', value: null, span: null, basis: 'officer_clear' }]);
  });

  it('recognises the same article imported again and links it to the first import', async () => {
    const text =
      '本报讯 2024年9月20日，恒信精密轴承有限公司年产500万套精密轴承项目在开发区开工，项目总投资5亿元。';
    const first = await read(text);
    expect(first.articles[0].duplicateOf).toBeNull();
    // Different spacing, line breaks and full-width punctuation: still the same article.
    const again = await read(`  ${text.replace('，', ', ').replace('。', '.\n\n')}`);
    expect(again.articles[0].duplicateOf).toMatchObject({
      intakeId: first.id,
      articleId: first.articles[0].id,
    });
    const third = await read(text);
    expect(third.articles[0].duplicateOf.intakeId).toBe(first.id);
    const stored = await t.call(officer, 'GET', `/api/intake/${again.id}`);
    expect(stored.json().articles[0].duplicateOf.intakeId).toBe(first.id);
    // The first import is not a duplicate of a later one.
    const firstStored = await t.call(officer, 'GET', `/api/intake/${first.id}`);
    expect(firstStored.json().articles[0].duplicateOf).toBeNull();
  });

  it('names a known firm in a lead proposal instead of showing its id', async () => {
    const intake = await read(
      '聊城市宏通地质工程机械设备有限公司年产800台旋挖钻机生产线项目在开发区签约，项目总投资3亿元。',
    );
    const lead = (intake.proposals as Proposal[]).find((p) => p.kind === 'create_lead');
    const firmId = lead?.payload.targetFirmId;
    expect(typeof firmId).toBe('string');
    expect(lead?.names[String(firmId)]).toBe('聊城市宏通地质工程机械设备有限公司');
    expect(lead?.fieldHighlights.estimatedInvestment).toBeDefined();
  });
});
