import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_LIMITS } from '../../../../shared/src/intake';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { gbk, junkBytes, makeDocx, makeTextPdf, multipart, PASSAGES } from './intake.test-fixtures';

interface Proposal {
  id: string;
  position: number;
  kind: string;
  targetId: string | null;
  title: string;
  payload: Record<string, unknown>;
  current: Record<string, unknown> | null;
  dependsOn: string | null;
  status: string;
}

const SEED = path.resolve(import.meta.dirname, '../../../../../shared/seed/000_b6add583ffbc5398.txt');
const seedPresent = existsSync(SEED);
const mustRunSeed = process.env.CI === 'true';
if (!seedPresent && !mustRunSeed) console.warn(`[skip] intake seed-page flow: ${SEED} not found`);

describe.skipIf(SKIP_DB)('news intake: input, proposals, apply, provenance', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;

  const count = async (table: 'intake' | 'provenance' | 'firm' | 'lead' | 'intake_proposal') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (
    s: Session,
    fields: Record<string, string>,
    file: { name: string; bytes: Buffer } | null,
  ) => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/intake',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...body.headers },
      payload: body.payload,
    });
  };
  const guaibaoProject = () =>
    t.db.kysely
      .selectFrom('project')
      .selectAll()
      .where('name', '=', '乖宝宠物年产10万吨高端宠物食品项目')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  describe('bad input: a clear message, nothing written, the process stays up', () => {
    it('refuses empty and blank text', async () => {
      const before = await count('intake');
      for (const text of ['', '   \n\t  ']) {
        const res = await t.call(officer, 'POST', '/api/intake', { text });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'INTAKE_EMPTY', status: 400 });
        expect(res.json().error.message.zh).toContain('没有可读的文字');
        expect(res.json().error.message.en).toContain('no text');
      }
      const noFile = await upload(officer, { articleDate: '2024-09-01' }, null);
      expect(noFile.statusCode).toBe(400);
      const emptyFile = await upload(officer, {}, { name: 'empty.txt', bytes: Buffer.alloc(0) });
      expect(emptyFile.statusCode).toBe(400);
      expect(emptyFile.json().error.code).toBe('INTAKE_EMPTY');
      expect(await count('intake')).toBe(before);
    });

    it('refuses binary junk as a file and as pasted text', async () => {
      const before = await count('intake');
      const bin = await upload(officer, {}, { name: 'news.txt', bytes: junkBytes(4096) });
      expect(bin.statusCode).toBe(400);
      expect(bin.json().error.code).toBe('INTAKE_NOT_TEXT');
      expect(bin.json().error.message.zh).toContain('不像文字');
      // High bytes only (no NULs) decode as GB18030 into rare characters: still refused.
      const high = Buffer.from(Array.from(junkBytes(4096), (b) => 0x80 | b));
      const highRes = await upload(officer, {}, { name: 'news.txt', bytes: high });
      expect(highRes.statusCode).toBe(400);
      expect(highRes.json().error.code).toBe('INTAKE_NOT_TEXT');
      const pasted = await t.call(officer, 'POST', '/api/intake', {
        text: '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc\u000e\u000f\u0010\u0011',
      });
      // Control characters in any JSON text are refused at the edge (plugins/text-guard.ts).
      expect(pasted.statusCode).toBe(400);
      expect(pasted.json().error.fields[0].path).toBe('text');
      const zip = await upload(officer, {}, { name: 'sheet.xlsx', bytes: Buffer.from('PK\u0003\u0004rest') });
      expect(zip.statusCode).toBe(400);
      expect(zip.json().error.code).toBe('INTAKE_FILE_TYPE');
      const brokenDocx = await upload(
        officer,
        {},
        { name: 'a.docx', bytes: Buffer.from('PK\u0003\u0004broken') },
      );
      expect(brokenDocx.statusCode).toBe(400);
      expect(brokenDocx.json().error.code).toBe('INTAKE_FILE_UNREADABLE');
      expect(await count('intake')).toBe(before);
    });

    it('answers 413 in the usual error shape to an 11 MB upload, then keeps serving', async () => {
      const before = await count('intake');
      const big = Buffer.alloc(11 * 1024 * 1024, 0x61);
      const res = await upload(officer, {}, { name: 'big.txt', bytes: big });
      expect(res.statusCode).toBe(413);
      const error = res.json().error;
      expect(error).toMatchObject({ status: 413, fields: [] });
      expect(['FILE_TOO_LARGE', 'PAYLOAD_TOO_LARGE']).toContain(error.code);
      expect(error.message.zh).toMatch(/MB|过大/);
      expect(error.requestId).toBeTruthy();
      expect(await count('intake')).toBe(before);
      const after = await t.call(officer, 'GET', '/api/intake');
      expect(after.statusCode).toBe(200);
      const tooLong = await t.call(officer, 'POST', '/api/intake', {
        text: '开发区'.repeat(INTAKE_LIMITS.maxTextChars / 3 + 10),
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.code).toBe('INTAKE_TOO_LONG');
    });

    it('refuses a PDF without a text layer and a damaged PDF', async () => {
      const before = await count('intake');
      const scan = await upload(officer, {}, { name: 'scan.pdf', bytes: makeTextPdf([]) });
      expect(scan.statusCode).toBe(400);
      expect(scan.json().error.code).toBe('INTAKE_PDF_NO_TEXT');
      expect(scan.json().error.message.zh).toContain('没有文字层');
      expect(scan.json().error.message.en).toContain('no text layer');
      const broken = await upload(
        officer,
        {},
        { name: 'x.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj garbage') },
      );
      expect(broken.statusCode).toBe(400);
      expect(['INTAKE_FILE_UNREADABLE', 'INTAKE_PDF_NO_TEXT']).toContain(broken.json().error.code);
      expect(await count('intake')).toBe(before);
    });

    it('refuses a bad article date and unknown fields', async () => {
      const res = await t.call(officer, 'POST', '/api/intake', {
        text: PASSAGES.newProject,
        articleDate: '2024-02-30',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('articleDate');
      const extra = await t.call(officer, 'POST', '/api/intake', { text: PASSAGES.newProject, foo: 1 });
      expect(extra.statusCode).toBe(400);
    });
  });

  describe('files are read into the same text', () => {
    it('decodes GBK text correctly (Chinese Windows "ANSI" files)', async () => {
      const res = await upload(
        officer,
        { articleDate: '2024-09-12' },
        { name: 'gbk.txt', bytes: gbk(PASSAGES.newProject) },
      );
      expect(res.statusCode).toBe(201);
      const intake = res.json();
      expect(intake).toMatchObject({ sourceKind: 'txt', encoding: 'gb18030', articleDate: '2024-09-12' });
      expect(intake.articles[0].text).toContain('瑞丰新材料科技有限公司');
      expect(intake.proposals.map((p: Proposal) => p.kind)).toEqual(
        expect.arrayContaining(['create_firm', 'create_lead']),
      );
    });

    it('reads UTF-8 with a BOM, .docx and a text-layer .pdf', async () => {
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PASSAGES.capacitySignal)]);
      const txt = await upload(officer, {}, { name: 'bom.txt', bytes: bom });
      expect(txt.statusCode).toBe(201);
      expect(txt.json().encoding).toBe('utf-8');
      const docx = await upload(
        officer,
        {},
        { name: 'report.docx', bytes: await makeDocx([PASSAGES.newProject]) },
      );
      expect(docx.statusCode).toBe(201);
      expect(docx.json().sourceKind).toBe('docx');
      expect(docx.json().articles[0].text).toContain('年产3万吨高性能膜材料项目');
      const pdf = await upload(officer, {}, { name: 'page.pdf', bytes: makeTextPdf([PASSAGES.newProject]) });
      expect(pdf.statusCode).toBe(201);
      expect(pdf.json().sourceKind).toBe('pdf');
      expect(pdf.json().articles[0].text).toContain('瑞丰新材料科技有限公司');
    });
  });

  it('lets leaders read intakes but not run them', async () => {
    const res = await t.call(leader, 'POST', '/api/intake', { text: PASSAGES.newProject });
    expect(res.statusCode).toBe(403);
    const list = await t.call(leader, 'GET', '/api/intake');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    const firm = await t.login('firm');
    expect((await t.call(firm, 'GET', '/api/intake')).statusCode).toBe(403);
  });

  it('proposes a stage move and shows the stored figure beside the new one; highlights what it read', async () => {
    const res = await t.call(officer, 'POST', '/api/intake', {
      text: PASSAGES.guaibaoUpdate,
      articleDate: '2024-09-12',
    });
    expect(res.statusCode).toBe(201);
    const intake = res.json();
    const project = await guaibaoProject();
    const stage = intake.proposals.find((p: Proposal) => p.kind === 'update_project_stage');
    expect(stage).toMatchObject({
      targetId: project.id,
      payload: { to: 'structure_done', date: '2024-09-12' },
      current: { stage: 'started' },
    });
    const figures = intake.proposals.find((p: Proposal) => p.kind === 'update_project_figures');
    expect(figures.payload).toEqual({ fields: { totalInvestment: 600_000_000 } });
    expect(figures.current).toEqual({ totalInvestment: 560_000_000 });
    const article = intake.articles[0];
    const kinds = new Set(article.highlights.map((h: { kind: string }) => h.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['project', 'firm', 'money', 'stage']));
    const h = article.highlights.find((x: { kind: string }) => x.kind === 'money');
    expect(article.text.slice(h.start, h.end)).toContain('6亿元');
    expect(article.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'project', recordId: project.id })]),
    );
  });

  it('applies all or nothing: one refused proposal names itself and nothing is written', async () => {
    const text = `${PASSAGES.capacitySignal}\n${PASSAGES.guaibaoUpdate}`;
    const res = await t.call(officer, 'POST', '/api/intake', { text, articleDate: '2024-09-12' });
    expect(res.statusCode).toBe(201);
    const intake = res.json();
    const proposals: Proposal[] = intake.proposals;
    const firmProposal = proposals.find((p) => p.kind === 'create_firm');
    const tags = proposals.filter((p) => p.kind === 'add_signal_tag');
    const stage = proposals.find((p) => p.kind === 'update_project_stage');
    expect(firmProposal?.payload.name).toBe('东岳智能装备有限公司');
    expect(tags.length).toBeGreaterThanOrEqual(1);
    expect(tags.every((p) => p.dependsOn === firmProposal?.id)).toBe(true);
    expect(proposals.map((p) => p.kind)).toEqual(expect.arrayContaining(['update_project_figures']));
    if (!stage) throw new Error('no stage proposal');
    const auditCount = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      firms: await count('firm'),
      provenance: await count('provenance'),
      audit: await auditCount(),
      project: await guaibaoProject(),
    };

    // Everything is accepted; the stage move, edited backwards without a reason, is refused by the
    // stage machine after the firm, its tags and the figures went through: all of it is rolled back.
    const bad = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, {
      decisions: proposals.map((p) =>
        p.id === stage.id
          ? { proposalId: p.id, action: 'accept', payload: { to: 'signed', date: '2024-09-12' } }
          : { proposalId: p.id, action: 'accept' },
      ),
    });
    expect(bad.statusCode).toBe(400);
    const error = bad.json().error;
    expect(error.code).toBe('INTAKE_PROPOSAL_FAILED');
    expect(error.proposalId).toBe(stage.id);
    expect(error.message.zh).toContain(`建议 #${stage.position}`);
    expect(error.message.zh).toContain('未写入任何内容');
    expect(error.cause.code).toBe('STAGE_MOVE_REFUSED');
    const project = await guaibaoProject();
    expect(project.stage).toBe(before.project.stage);
    expect(project.total_investment).toBe(before.project.total_investment);
    expect(project.version).toBe(before.project.version);
    expect(await count('firm')).toBe(before.firms);
    expect(await count('provenance')).toBe(before.provenance);
    expect(await auditCount()).toBe(before.audit);
    const again = await t.call(officer, 'GET', `/api/intake/${intake.id}`);
    expect(again.json().status).toBe('open');
    expect(again.json().proposals.every((p: Proposal) => p.status === 'proposed')).toBe(true);
  });

  it('checks edited payloads like the forms and refuses a tag whose new firm was dropped', async () => {
    const res = await t.call(officer, 'POST', '/api/intake', { text: PASSAGES.newProject });
    const intake = res.json();
    const lead = intake.proposals.find((p: Proposal) => p.kind === 'create_lead');
    const bad = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, {
      decisions: [
        { proposalId: lead.id, action: 'accept', payload: { ...lead.payload, estimatedInvestment: -5 } },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('decisions.0.payload.estimatedInvestment');
    const unknown = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, {
      decisions: [{ proposalId: 'nope', action: 'accept' }],
    });
    expect(unknown.statusCode).toBe(400);

    const sig = (
      await t.call(officer, 'POST', '/api/intake', { text: PASSAGES.capacitySignal.replace('东岳', '西岳') })
    ).json();
    const tag = sig.proposals.find((p: Proposal) => p.kind === 'add_signal_tag');
    const refused = await t.call(officer, 'POST', `/api/intake/${sig.id}/apply`, {
      decisions: [{ proposalId: tag.id, action: 'accept' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message.zh).toContain('新建的企业');
  });

  it('creates a firm and a news lead for it, with provenance and audit rows, once', async () => {
    const res = await t.call(officer, 'POST', '/api/intake', {
      text: PASSAGES.newProject,
      articleDate: '2024-09-12',
    });
    const intake = res.json();
    const firmP = intake.proposals.find((p: Proposal) => p.kind === 'create_firm');
    const leadP = intake.proposals.find((p: Proposal) => p.kind === 'create_lead');
    expect(leadP.dependsOn).toBe(firmP.id);
    expect(leadP.payload).toMatchObject({ estimatedInvestment: 800_000_000 });
    const apply = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, {
      decisions: [
        { proposalId: firmP.id, action: 'accept', payload: { ...firmP.payload, shortName: '瑞丰新材' } },
        { proposalId: leadP.id, action: 'accept' },
      ],
    });
    expect(apply.statusCode).toBe(200);
    const { touched, intake: after } = apply.json();
    expect(after.status).toBe('applied');
    const firm = touched.find((x: { entity: string }) => x.entity === 'firm');
    const lead = touched.find((x: { entity: string }) => x.entity === 'lead');
    const leadRow = await t.db.kysely
      .selectFrom('lead')
      .selectAll()
      .where('id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(leadRow).toMatchObject({
      source: 'news',
      target_firm_id: firm.id,
      estimated_investment: 800_000_000,
    });
    const firmRow = await t.db.kysely
      .selectFrom('firm')
      .selectAll()
      .where('id', '=', firm.id)
      .executeTakeFirstOrThrow();
    expect(firmRow.short_name).toBe('瑞丰新材');

    const prov = await t.call(officer, 'GET', `/api/firms/${firm.id}/provenance`);
    expect(prov.statusCode).toBe(200);
    expect(prov.json().items[0]).toMatchObject({
      intakeId: intake.id,
      action: 'create',
      articleDate: '2024-09-12',
    });
    const leadProv = await t.call(leader, 'GET', `/api/leads/${lead.id}/provenance`);
    expect(leadProv.json().items).toHaveLength(1);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity_id', 'in', [firm.id, lead.id, intake.id])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: 'firm', action: 'create' },
        { entity: 'lead', action: 'create' },
        { entity: 'intake', action: 'create' },
        { entity: 'intake', action: 'apply' },
      ]),
    );
    const twice = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, { decisions: [] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INTAKE_ALREADY_APPLIED');
  });

  describe.skipIf(!seedPresent && !mustRunSeed)('the seed page (../shared/seed)', () => {
    it('reads the page into articles, proposes the 乖宝 stage move, applies it with the article as provenance', async () => {
      if (!seedPresent) throw new Error(`CI=true but the seed page is missing: ${SEED}`);
      const text = readFileSync(SEED, 'utf8');
      const res = await t.call(officer, 'POST', '/api/intake', { text, articleDate: '2024-08-27' });
      expect(res.statusCode).toBe(201);
      const intake = res.json();
      expect(intake.articles.length).toBeGreaterThanOrEqual(6);
      const lead = intake.articles[0];
      expect(lead.counts.projects).toBeGreaterThanOrEqual(3);
      const projectMatches = lead.matches.filter((m: { kind: string }) => m.kind === 'project');
      expect(projectMatches.map((m: { recordName: string }) => m.recordName)).toEqual(
        expect.arrayContaining(['乖宝宠物年产10万吨高端宠物食品项目', '瀚洋重工大型高端特种装备项目']),
      );
      // The page's figures are the demo's: no figure changes proposed for the 乖宝 project.
      const project = await guaibaoProject();
      const forGuaibao = intake.proposals.filter((p: Proposal) => p.targetId === project.id);
      expect(forGuaibao.map((p: Proposal) => p.kind)).toEqual(['update_project_stage']);
      const stage = forGuaibao[0];
      const apply = await t.call(officer, 'POST', `/api/intake/${intake.id}/apply`, {
        decisions: intake.proposals.map((p: Proposal) => ({
          proposalId: p.id,
          action: p.id === stage.id ? 'accept' : 'drop',
        })),
      });
      expect(apply.statusCode).toBe(200);
      expect((await guaibaoProject()).stage).toBe('structure_done');
      const prov = await t.call(leader, 'GET', `/api/projects/${project.id}/provenance`);
      expect(prov.json().items[0]).toMatchObject({
        intakeId: intake.id,
        articleTitle: lead.title,
        action: 'stage',
        fields: ['stage', 'stageDate'],
      });
      const timeline = await t.call(leader, 'GET', `/api/projects/${project.id}/timeline`);
      expect(JSON.stringify(timeline.json())).toContain('据资讯');
    });
  });
});
