import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Commitment {
  id: string;
  measure: string;
  value: number | null;
  dueYear: number;
  dueDate: string | null;
  supersededBy: string | null;
}
interface Agreement {
  id: string;
  commitments: Commitment[];
  history: Commitment[];
  amendments: Array<{ reason: string }>;
  actions: Array<{ kind: string }>;
}
interface Item {
  projectId: string;
  measure: string;
  committed: number | null;
  actual: number | null;
  actualSource: string | null;
  status: string;
  gap: number | null;
  conflict: boolean;
}

/** Issue 14: agreements, amendments, actual figures with sources, compliance, scope, notice. */
describe.skipIf(SKIP_DB)('agreements, actual figures and compliance', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let firm: Session;
  let admin: Session;
  let gb = '';
  let other = '';
  let agreement: Agreement;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    firm = await t.login('firm');
    admin = await t.login('admin');
    const find = async (code: string) =>
      (
        (await t.call(officer, 'GET', `/api/projects?q=${code}`)).json().items as Array<{
          id: string;
          code: string;
        }>
      ).find((p) => p.code === code)?.id ?? '';
    // 00004 (乖宝's second project): the demo's agreement sits on 00003.
    gb = await find('XM2024-00004');
    other = await find('XM2024-00001');
    expect(gb).not.toBe('');
    expect(other).not.toBe('');
  });
  afterAll(async () => t?.close());

  const auditCount = async (entity: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', entity)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records an agreement with its commitments (audited); bad input names the field, nothing written', async () => {
    const bad = await t.call(officer, 'POST', `/api/projects/${gb}/agreements`, {
      number: 'TZXY-T-1',
      signedDate: '2023-10-01',
      zoneParty: '开发区管委会',
      signingCompany: '乖宝宠物食品集团股份有限公司',
      commitments: [{ measure: 'produceBy', dueYear: 2025 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('dueDate');
    const audits = await auditCount('agreement');
    const res = await t.call(officer, 'POST', `/api/projects/${gb}/agreements`, {
      number: 'TZXY-T-1',
      signedDate: '2023-10-01',
      zoneParty: '开发区管委会',
      signingCompany: '乖宝宠物食品集团股份有限公司',
      commitments: [
        { measure: 'totalInvestment', value: 560_000_000, dueYear: 2024 },
        { measure: 'output', value: 1_500_000_000, dueYear: 2025 },
        { measure: 'tax', value: 40_000_000, dueYear: 2025 },
        { measure: 'jobs', value: 1000, dueYear: 2025 },
        { measure: 'produceBy', dueYear: 2025, dueDate: '2025-06-30' },
        { measure: 'completeBy', dueYear: 2027, dueDate: '2027-12-31' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    agreement = res.json();
    expect(agreement.commitments).toHaveLength(6);
    expect(await auditCount('agreement')).toBe(audits + 1);
    expect((await t.call(leader, 'POST', `/api/projects/${gb}/agreements`, {})).statusCode).toBe(403);
  });

  it('an amendment replaces a commitment and keeps the old one as history', async () => {
    const tax = agreement.commitments.find((c) => c.measure === 'tax') as Commitment;
    const res = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/amendments`, {
      date: '2024-06-01',
      reason: '补充协议：税收承诺调整',
      changes: [{ commitmentId: tax.id, measure: 'tax', value: 35_000_000, dueYear: 2025 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    agreement = res.json();
    expect(agreement.commitments.find((c) => c.measure === 'tax')?.value).toBe(35_000_000);
    expect(agreement.history).toEqual([expect.objectContaining({ id: tax.id, value: 40_000_000 })]);
    expect(agreement.amendments[0]?.reason).toBe('补充协议：税收承诺调整');
    const again = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/amendments`, {
      date: '2024-06-02',
      reason: 'x',
      remove: [tax.id],
    });
    expect(again.statusCode).toBe(400);
  });

  it('keeps figures from different sources side by side, flags the difference, counts the trusted one', async () => {
    const add = (who: Session, body: Record<string, unknown>) =>
      t.call(who, 'POST', `/api/projects/${gb}/actuals`, { period: 'Y', ...body });
    for (const [year, value] of [
      [2023, 200_000_000],
      [2024, 400_000_000],
    ] as const) {
      expect(
        (await add(officer, { year, measure: 'totalInvestment', value, source: 'statistics' })).statusCode,
      ).toBe(201);
    }
    expect(
      (await add(officer, { year: 2025, measure: 'tax', value: 30_000_000, source: 'statistics' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await add(officer, {
          year: 2025,
          measure: 'tax',
          value: 33_000_000,
          source: 'tax',
          confirmedBy: '税务局王科长',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await add(officer, { year: 2025, measure: 'output', value: 1_600_000_000, source: 'officer' }))
        .statusCode,
    ).toBe(201);
    // The firm files its own figure, as a firm report only.
    expect(
      (await add(firm, { year: 2025, measure: 'jobs', value: 800, source: 'statistics' })).statusCode,
    ).toBe(400);
    expect(
      (await add(firm, { year: 2025, measure: 'jobs', value: 800, source: 'firm_report' })).statusCode,
    ).toBe(201);
    const list = (await t.call(leader, 'GET', `/api/projects/${gb}/actuals`)).json();
    const tax = list.items.filter(
      (i: { measure: string; year: number }) => i.measure === 'tax' && i.year === 2025,
    );
    expect(tax).toHaveLength(2);
    expect(tax.every((i: { conflict: boolean }) => i.conflict)).toBe(true);
    expect(tax.find((i: { counted: boolean }) => i.counted)?.source).toBe('tax');
    expect(list.conflicts).toEqual([
      expect.objectContaining({ year: 2025, measure: 'tax', difference: 3_000_000 }),
    ]);
  });

  it('compliance per commitment: met, behind by how much, not due; the cockpit count', async () => {
    const res = await t.call(leader, 'GET', `/api/compliance?year=2025&projectId=${gb}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    const of = (m: string) => items.find((i) => i.measure === m);
    expect(of('totalInvestment')).toMatchObject({ status: 'met', actual: 600_000_000 });
    expect(of('tax')).toMatchObject({
      status: 'behind',
      committed: 35_000_000,
      actual: 33_000_000,
      gap: 2_000_000,
      actualSource: 'tax',
      conflict: true,
    });
    expect(of('output')).toMatchObject({ status: 'met' });
    expect(of('jobs')).toMatchObject({ status: 'behind', gap: 200, actualSource: 'firm_report' });
    expect(of('produceBy')).toMatchObject({ status: 'behind', gap: 184 });
    expect(of('completeBy')?.status).toBe('not_due');
    expect(res.json().summary.behindByMeasure.tax).toBeGreaterThanOrEqual(1);
    const zone = (await t.call(leader, 'GET', '/api/compliance?year=2025&pageSize=200')).json();
    expect(zone.summary.behind).toBeGreaterThanOrEqual(3);
    expect(zone.items.length).toBe(zone.total);
    expect(zone.items.filter((i: Item) => i.projectId === gb)).toHaveLength(6);
  });

  it('a commitment behind is a warning (履约落后), by kind and severity, as the cockpit counts it', async () => {
    const tax = agreement.commitments.find((c) => c.measure === 'tax') as Commitment;
    const jobs = agreement.commitments.find((c) => c.measure === 'jobs') as Commitment;
    type W = { id: string; kind: string; severity: string; projectId: string | null; reason: { zh: string } };
    const list = async (q: string) => {
      const res = await t.call(leader, 'GET', `/api/warnings?limit=2000&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: W[]; total: number };
    };
    const behind = await list('kind=commitment_behind');
    expect(behind.items.every((w) => w.kind === 'commitment_behind')).toBe(true);
    // Tax 3300万 of 3500万 promised: 5.7 % short, 一般; jobs 800 of 1000: 20 % short, 较重.
    const taxWarning = behind.items.find((w) => w.id === `commitment_behind:${tax.id}`);
    expect(taxWarning).toMatchObject({ severity: 'low', projectId: gb });
    expect(taxWarning?.reason.zh).toContain('税收');
    expect(behind.items.find((w) => w.id === `commitment_behind:${jobs.id}`)?.severity).toBe('medium');
    const medium = await list('kind=commitment_behind&severity=medium');
    expect(medium.items.map((w) => w.id)).toContain(`commitment_behind:${jobs.id}`);
    expect(medium.items.map((w) => w.id)).not.toContain(`commitment_behind:${tax.id}`);
    expect(medium.items.every((w) => w.severity === 'medium')).toBe(true);
    expect((await list('kind=milestone_late')).items.some((w) => w.kind === 'commitment_behind')).toBe(false);
    // The cockpit's 履约 figure (last complete year) counts what this kind lists.
    const cockpit = (await t.call(leader, 'GET', '/api/cockpit')).json();
    expect(cockpit.compliance).toMatchObject({ year: 2025, behind: behind.total });
  });

  it('an extension amends the deadline (old kept); other actions are recorded', async () => {
    const produce = agreement.commitments.find((c) => c.measure === 'produceBy') as Commitment;
    const missing = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/actions`, {
      kind: 'extension_granted',
      date: '2026-01-10',
    });
    expect(missing.statusCode).toBe(400);
    const res = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/actions`, {
      kind: 'extension_granted',
      date: '2026-01-10',
      commitmentId: produce.id,
      newDueDate: '2026-06-30',
      note: '疫情影响设备进场，同意延期',
    });
    expect(res.statusCode, res.body).toBe(201);
    const withdrawn = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/actions`, {
      kind: 'reward_withheld',
      date: '2026-01-15',
      note: '税收未达承诺，暂缓兑现奖励',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    for (const kind of ['interview', 'subsidy_recovered']) {
      const res = await t.call(officer, 'POST', `/api/agreements/${agreement.id}/actions`, {
        kind,
        date: '2026-01-20',
        commitmentId: (agreement.commitments.find((c) => c.measure === 'tax') as Commitment).id,
        note: kind === 'interview' ? '约谈企业负责人' : '追回已兑现的设备补助',
      });
      expect(res.statusCode, res.body).toBe(201);
      agreement = res.json();
    }
    expect(
      (
        await t.call(leader, 'POST', `/api/agreements/${agreement.id}/actions`, {
          kind: 'interview',
          date: '2026-01-21',
        })
      ).statusCode,
    ).toBe(403);
    expect(agreement.actions.map((a) => a.kind)).toEqual([
      'extension_granted',
      'reward_withheld',
      'interview',
      'subsidy_recovered',
    ]);
    expect(agreement.history.some((c) => c.id === produce.id)).toBe(true);
    expect(agreement.commitments.find((c) => c.measure === 'produceBy')?.dueDate).toBe('2026-06-30');
    const items = (await t.call(leader, 'GET', `/api/compliance?year=2025&projectId=${gb}`)).json()
      .items as Item[];
    expect(items.find((i) => i.measure === 'produceBy')?.status).toBe('not_due');
  });

  // A department's scope (what it is assigned to): compliance-scope.api.test.ts.
  it('scope: a firm sees only its own projects', async () => {
    expect((await t.call(firm, 'GET', `/api/projects/${gb}/agreements`)).json().items).toHaveLength(1);
    expect((await t.call(firm, 'GET', `/api/projects/${other}/agreements`)).statusCode).toBe(404);
    expect((await t.call(firm, 'GET', `/api/projects/${other}/actuals`)).statusCode).toBe(404);
    expect((await t.call(firm, 'GET', `/api/compliance?projectId=${other}`)).statusCode).toBe(404);
    const own = new Set(
      ((await t.call(firm, 'GET', '/api/projects?limit=200')).json().items as Array<{ id: string }>).map(
        (p) => p.id,
      ),
    );
    const mine = (await t.call(firm, 'GET', '/api/compliance?year=2025')).json().items as Item[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => own.has(i.projectId))).toBe(true);
    expect(
      (
        await t.call(firm, 'POST', `/api/projects/${other}/actuals`, {
          year: 2025,
          measure: 'jobs',
          value: 1,
          source: 'firm_report',
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.call(firm, 'POST', `/api/projects/${gb}/agreements`, {})).statusCode).toBe(403);
    expect((await t.call(firm, 'GET', `/api/projects/${other}/compliance-notice.docx`)).statusCode).toBe(404);
    // The 亩均 ranking rates every firm of the zone: not for a firm's eyes.
    expect((await t.call(firm, 'GET', '/api/mu-evaluations/2025')).statusCode).toBe(403);
  });

  it('prints the compliance notice in the government layout', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${gb}/compliance-notice.docx?year=2025`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    expect(text).toContain('关于投资协议履约情况的提醒函');
    expect(text).toContain('乖宝宠物食品集团股份有限公司');
    expect(text).toContain('税收：承诺3500万元');
  });
});
