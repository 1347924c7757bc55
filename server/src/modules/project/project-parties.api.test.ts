import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirmProject, Project } from '../../../../shared/src/contract/project';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * Issue 14: the signing company (项目公司) apart from investors and the firm first approached, and
 * the provenance (promised / estimated / reported / verified) every write path records.
 */
describe.skipIf(SKIP_DB)('project parties and figure provenance', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  const firm = async (name: string) =>
    (await t.call(officer, 'POST', '/api/firms', { name })).json().id as string;
  const project = async (id: string) =>
    (await t.call(leader, 'GET', `/api/projects/${id}`)).json() as Project;
  const firmProjects = async (id: string) =>
    ((await t.call(leader, 'GET', `/api/firms/${id}`)).json() as { projects: FirmProject[] }).projects;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('keeps the 项目公司 apart from the investors; the firm page labels invest / sign / approached', async () => {
    const parent = await firm('项目方母公司甲有限公司');
    const company = await firm('新设项目公司有限公司');
    const prospect = await firm('首次接洽企业有限公司');
    const bad = await t.call(officer, 'POST', '/api/projects', { name: '坏项目', companyFirmId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('companyFirmId');

    const lead = await t.call(officer, 'POST', '/api/leads', {
      title: '接洽线索',
      targetFirmId: prospect,
      source: 'other',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.json().id}/sign`, {
      version: lead.json().version,
      projectName: '三方关系测试项目',
      signedDate: '2024-08-01',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const id = signed.json().project.id as string;
    const before = await project(id);
    // Signing names the target as investor; the officer then records who really invests and signs.
    const edit = await t.call(officer, 'PATCH', `/api/projects/${id}`, {
      version: before.version,
      investors: [{ firmId: parent, sharePct: 100 }],
      companyFirmId: company,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().company).toEqual({ firmId: company, firmName: '新设项目公司有限公司' });
    // Setting investors again (as an import or intake does) leaves the company alone.
    const again = await t.call(officer, 'PATCH', `/api/projects/${id}`, {
      version: edit.json().version,
      investors: [{ firmId: parent, sharePct: 60 }],
    });
    expect(again.json().company?.firmId).toBe(company);
    expect(again.json().investors.map((i: { firmId: string }) => i.firmId)).toEqual([parent]);

    expect((await firmProjects(parent)).find((p) => p.id === id)?.roles).toEqual(['investor']);
    expect((await firmProjects(company)).find((p) => p.id === id)?.roles).toEqual(['company']);
    expect((await firmProjects(prospect)).find((p) => p.id === id)?.roles).toEqual(['approached']);
    const list = (await t.call(leader, 'GET', '/api/firms?q=新设项目公司')).json();
    expect(list.items[0].projectCount).toBe(1);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'project')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .orderBy('at')
      .execute();
    expect(audit.some((a) => (a.after_json ?? '').includes(company))).toBe(true);
  });

  it('shows the demo 瀚洋重工有限公司 as the company of the project its parents invest in', async () => {
    const hanyang = await t.db.kysely
      .selectFrom('firm')
      .select('id')
      .where('name', '=', '瀚洋重工有限公司')
      .executeTakeFirstOrThrow();
    const projects = await firmProjects(hanyang.id);
    expect(projects.map((p) => [p.name, p.roles])).toContainEqual([
      '瀚洋重工大型高端特种装备项目',
      ['company'],
    ]);
    const tianjin = await t.db.kysely
      .selectFrom('firm')
      .select('id')
      .where('name', '=', '瀚洋重工装备制造（天津）有限公司')
      .executeTakeFirstOrThrow();
    const roles = (await firmProjects(tianjin.id)).find(
      (p) => p.name === '瀚洋重工大型高端特种装备项目',
    )?.roles;
    expect(roles).toEqual(['investor', 'approached']);
  });

  it('records the provenance of every write path: form, lead, round report, verification', async () => {
    const investor = await firm('口径来源测试企业有限公司');
    const created = await t.call(officer, 'POST', '/api/projects', {
      name: '来源测试项目',
      investors: [{ firmId: investor }],
      totalInvestment: 300_000_000,
      fundsInPlace: 10_000_000,
      expectedJobs: 200,
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as Project;
    expect(p.figureSources.totalInvestment).toMatchObject({ source: 'promised', origin: 'project_form' });
    expect(p.figureSources.expectedJobs?.source).toBe('promised');
    expect(p.figureSources.fundsInPlace?.source).toBe('reported');
    expect(p.figureSources.expectedTax).toBeNull();

    // An edit of another field keeps the sources; a changed figure takes the new write's.
    const parkOnly = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: p.version,
      park: '来源园区',
    });
    expect(parkOnly.json().figureSources.totalInvestment.at).toBe(p.figureSources.totalInvestment?.at);

    const round = await t.call(admin, 'POST', '/api/rounds', { kind: 'month', stages: ['signed'] });
    expect(round.statusCode, round.body).toBe(201);
    const report = await t.call(officer, 'POST', `/api/rounds/${round.json().id}/reports`, {
      projectId: p.id,
      narrative: '推进中',
      investmentPeriod: 5_000_000,
      fundsPeriod: 2_000_000,
      investmentCumulative: 5_000_000,
      fundsCumulative: 12_000_000,
    });
    expect(report.statusCode, report.body).toBe(201);
    const stored = await t.db.kysely
      .selectFrom('project_figure_source')
      .selectAll()
      .where('project_id', '=', p.id)
      .where('figure', '=', 'completedInvestmentCumulative')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ source: 'reported', origin: 'round_report' });
    const afterReport = await project(p.id);
    expect(afterReport.figureSources.completedInvestmentCumulative?.source).toBe('reported');
    expect(afterReport.figureSources.fundsInPlaceCumulative?.source).toBe('reported');

    // 核实: the leader may not; the project's officer may; an empty figure is refused by name.
    const figures = ['completedInvestmentCumulative', 'totalInvestment'];
    expect(
      (await t.call(leader, 'POST', `/api/projects/${p.id}/figures/verify`, { figures })).statusCode,
    ).toBe(403);
    const empty = await t.call(officer, 'POST', `/api/projects/${p.id}/figures/verify`, {
      figures: ['expectedTax'],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('figures.0');
    const verified = await t.call(officer, 'POST', `/api/projects/${p.id}/figures/verify`, { figures });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().figureSources.completedInvestmentCumulative.source).toBe('verified');
    expect(verified.json().figureSources.totalInvestment).toMatchObject({
      source: 'verified',
      origin: 'verify',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'verify_figures')
      .executeTakeFirst();
    expect(audit?.after_json).toContain('completedInvestmentCumulative');

    // A new figure from the officer's form is a promise again.
    const v = verified.json().version as number;
    const changed = await t.call(officer, 'PATCH', `/api/projects/${p.id}`, {
      version: v,
      totalInvestment: 320_000_000,
    });
    expect(changed.json().figureSources.totalInvestment.source).toBe('promised');
    expect(changed.json().figureSources.completedInvestmentCumulative.source).toBe('verified');
  });

  it('marks a lead’s rough size carried into its project as estimated, a typed amount as promised', async () => {
    const target = await firm('线索估算测试企业有限公司');
    const lead = await t.call(officer, 'POST', '/api/leads', {
      title: '估算线索',
      source: 'other',
      targetFirmId: target,
      estimatedInvestment: 100_000_000,
    });
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.json().id}/sign`, {
      version: lead.json().version,
      projectName: '估算线索项目',
      signedDate: '2024-08-01',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const p = await project(signed.json().project.id);
    expect(p.figureSources.totalInvestment).toMatchObject({ source: 'estimated', origin: 'lead_sign' });
  });

  it('marks figures applied from news intake as estimated', async () => {
    const res = await t.call(officer, 'POST', '/api/intake', {
      text: '记者从开发区获悉，乖宝宠物年产10万吨高端宠物食品项目主体工程已全部完工，预计年底前竣工验收。项目总投资6亿元。',
      articleDate: '2024-09-12',
    });
    expect(res.statusCode, res.body).toBe(201);
    const figures = res.json().proposals.find((x: { kind: string }) => x.kind === 'update_project_figures');
    const apply = await t.call(officer, 'POST', `/api/intake/${res.json().id}/apply`, {
      decisions: [{ proposalId: figures.id, action: 'accept' }],
    });
    expect(apply.statusCode, apply.body).toBe(200);
    const p = await project(figures.targetId);
    expect(p.totalInvestment).toBe(600_000_000);
    expect(p.figureSources.totalInvestment).toMatchObject({ source: 'estimated', origin: 'intake' });
    // The page's other promises keep theirs.
    expect(p.figureSources.expectedJobs?.source).toBe('promised');
  });

  it('the cockpit switch: promised total with its estimate share, actual from the project cumulatives', async () => {
    const park = '承诺实际测试园区';
    const investor = await firm('承诺实际测试企业有限公司');
    const promised = await t.call(officer, 'POST', '/api/projects', {
      name: '承诺项目',
      park,
      investors: [{ firmId: investor }],
      totalInvestment: 200_000_000,
    });
    const lead = await t.call(officer, 'POST', '/api/leads', {
      title: '估算项目线索',
      source: 'other',
      targetFirmId: investor,
      estimatedInvestment: 50_000_000,
    });
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.json().id}/sign`, {
      version: lead.json().version,
      projectName: '估算项目',
      park,
      signedDate: '2024-08-01',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const round = await t.call(admin, 'POST', '/api/rounds', { kind: 'month', stages: ['signed'] });
    const report = await t.call(officer, 'POST', `/api/rounds/${round.json().id}/reports`, {
      projectId: promised.json().id,
      narrative: '推进中',
      investmentPeriod: 8_000_000,
      fundsPeriod: 1_000_000,
      investmentCumulative: 8_000_000,
    });
    expect(report.statusCode, report.body).toBe(201);
    const cockpit = (await t.call(leader, 'GET', `/api/cockpit?park=${encodeURIComponent(park)}`)).json();
    expect(cockpit.kpi.promised).toMatchObject({
      investment: 250_000_000,
      projects: 2,
      sources: { promised: 1, estimated: 1, reported: 0, verified: 0, unmarked: 0 },
    });
    const page = await project(promised.json().id);
    expect(cockpit.kpi.actual.completedInvestment).toBe(page.figures.completedInvestmentCumulative);
    expect(cockpit.kpi.actual.reportingProjects).toBe(1);
    expect(cockpit.kpi.actual.sources.reported).toBe(1);
  });
});
