import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface L {
  id: string;
  title: string;
  status: string;
  version: number;
  overdue: boolean;
  nextStepDate: string | null;
  ownerId: string | null;
  projectId: string | null;
}

describe.skipIf(SKIP_DB)('leads: referral, follow-ups, status machine, signing, my leads', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let target: string;
  let referrer: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
    target = (
      await t.call(officer, 'POST', '/api/firms', { name: '线索目标宠物用品有限公司', isLocal: false })
    ).json().id;
    referrer = (await t.call(leader, 'GET', `/api/firms?q=${encodeURIComponent('乖宝')}`)).json().items[0].id;
  });
  afterAll(async () => t?.close());

  const newLead = async (body: Record<string, unknown> = {}) => {
    const res = await t.call(officer, 'POST', '/api/leads', {
      title: '宠物用品供应商落地（乖宝推荐）',
      source: 'referral',
      targetFirmId: target,
      referrerFirmId: referrer,
      chainLink: '宠物产业链·宠物用品',
      estimatedInvestment: 200_000_000,
      nextStep: '上门拜访',
      nextStepDate: '2026-03-10',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as L;
  };

  it('creates a referral lead (以商招商) and refuses one without its referrer', async () => {
    const lead = await newLead();
    expect(lead).toMatchObject({
      status: 'new',
      referrerFirmName: '乖宝宠物食品集团股份有限公司',
      overdue: false,
    });
    expect((lead as unknown as { code: string }).code).toMatch(/^XS2026-\d{5}$/);
    const bad = await t.call(officer, 'POST', '/api/leads', {
      title: 'x',
      source: 'referral',
      targetFirmId: target,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('referrerFirmId');
    for (const [body, path] of [
      [{ title: 'x', source: 'news', targetFirmName: 'y', estimatedInvestment: -1 }, 'estimatedInvestment'],
      [{ title: 'x', source: 'news', targetFirmName: 'y', nextStepDate: '2026-13-01' }, 'nextStepDate'],
      [{ title: 'x', source: 'tv', targetFirmName: 'y' }, 'source'],
      [{ title: 'x', source: 'news', targetFirmName: 'y', extra: true }, 'extra'],
    ] as const) {
      const res = await t.call(officer, 'POST', '/api/leads', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .join(' '),
      ).toContain(path);
    }
  });

  it('moves status through the machine; backwards and shelving need a reason; audited', async () => {
    let lead = await newLead();
    let res = await t.call(officer, 'POST', `/api/leads/${lead.id}/status`, {
      to: 'visited',
      version: lead.version,
    });
    expect(res.statusCode).toBe(200);
    lead = res.json();
    res = await t.call(officer, 'POST', `/api/leads/${lead.id}/status`, {
      to: 'contacted',
      version: lead.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('reason');
    res = await t.call(officer, 'POST', `/api/leads/${lead.id}/status`, {
      to: 'shelved',
      version: lead.version,
      reason: '企业推迟计划',
    });
    expect(res.json()).toMatchObject({ status: 'shelved', statusReason: '企业推迟计划' });
    res = await t.call(officer, 'POST', `/api/leads/${lead.id}/status`, {
      to: 'negotiating',
      version: lead.version,
    });
    expect(res.json().error.code).toBe('STALE_VERSION');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'lead')
      .where('entity_id', '=', lead.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status.move', 'status.move']);
    expect(
      (await t.call(leader, 'POST', `/api/leads/${lead.id}/status`, { to: 'new', version: 3 })).statusCode,
    ).toBe(403);
  });

  it('logs a visit with site photos and, when chosen, the position; a refused photo leaves no visit', async () => {
    const lead = await newLead({ title: '现场照片线索' });
    // A 1×1 JPEG (SOI, APP0 JFIF … EOI): the type is decided by the first bytes, not the name.
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
      'base64',
    );
    const visit = await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
      kind: 'visit',
      date: '2026-02-27',
      notes: '现场查看厂房',
      photos: [{ fileName: 'site.jpg', contentBase64: jpeg.toString('base64') }],
      location: { lat: 36.4563, lng: 115.9852 },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().location).toEqual({ lat: 36.4563, lng: 115.9852 });
    const listed = (await t.call(leader, 'GET', `/api/leads/${lead.id}/followups`)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].photos).toHaveLength(1);
    const photoId = listed[0].photos[0].id as string;
    const photo = await t.call(leader, 'GET', `/api/attachments/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(jpeg)).toBe(true);
    // Leads are the zone's own pipeline: a firm user cannot fetch the photo.
    const firm = await t.login('firm');
    expect((await t.call(firm, 'GET', `/api/attachments/${photoId}`)).statusCode).toBe(404);

    // An executable named .jpg is refused by its bytes, and the visit is not written either.
    const refused = await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
      kind: 'visit',
      date: '2026-02-28',
      notes: '不应留下',
      photos: [
        { fileName: 'site.jpg', contentBase64: Buffer.from('MZ\x90\x00 not an image').toString('base64') },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'contentBase64' });
    const after = (await t.call(leader, 'GET', `/api/leads/${lead.id}/followups`)).json().items;
    expect(after).toHaveLength(1);
    // A position out of range is named and refused.
    const far = await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
      kind: 'call',
      date: '2026-02-28',
      location: { lat: 120, lng: 0 },
    });
    expect(far.statusCode).toBe(400);
    expect(far.body).toContain('location');
  });

  it('logs follow-ups and signs the lead into a project in one transaction', async () => {
    const lead = await newLead({ title: '签约测试线索' });
    const visit = await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
      kind: 'visit',
      date: '2026-02-27',
      people: '王总、招商专员',
      notes: '考察坤源宠物食品用品产业园',
    });
    expect(visit.statusCode).toBe(201);
    expect(
      (
        await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
          kind: 'visit',
          date: '2026-05-01',
        })
      ).statusCode,
    ).toBe(400);
    const list = (await t.call(leader, 'GET', `/api/leads/${lead.id}/followups`)).json();
    expect(list.items).toHaveLength(1);
    const stale = await t.call(officer, 'POST', `/api/leads/${lead.id}/sign`, {
      version: 9,
      projectName: 'x',
      signedDate: '2026-03-01',
    });
    expect(stale.statusCode).toBe(409);
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.id}/sign`, {
      version: lead.version,
      projectName: '宠物用品生产基地项目',
      park: '坤源宠物食品用品产业园',
      signedDate: '2026-03-01',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const { lead: l, project } = signed.json();
    expect(l).toMatchObject({ status: 'signed', projectId: project.id });
    expect(project).toMatchObject({
      stage: 'signed',
      stageDate: '2026-03-01',
      leadId: lead.id,
      totalInvestment: 200_000_000,
      investors: [{ firmId: target }],
    });
    expect((await t.call(leader, 'GET', `/api/leads/${lead.id}`)).json().status).toBe('signed');
    const timeline = (await t.call(leader, 'GET', `/api/projects/${project.id}/timeline`)).json().items;
    expect(
      timeline.some(
        (i: { kind: string; detail: string }) => i.kind === 'followup' && i.detail.includes('坤源'),
      ),
    ).toBe(true);
    const again = await t.call(officer, 'POST', `/api/leads/${lead.id}/sign`, {
      version: l.version,
      projectName: 'x',
      signedDate: '2026-03-01',
    });
    expect(again.statusCode).toBe(400);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [lead.id, project.id])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['sign', 'create']));
  });

  it('lists "my leads" by next-step date with overdue ones marked, and finds by search', async () => {
    const late = await newLead({ title: '逾期测试线索', nextStepDate: '2026-02-01' });
    const mine = (await t.call(officer, 'GET', '/api/leads?mine=true&limit=200')).json();
    const me = (await t.call(officer, 'GET', '/api/auth/me')).json().user.id;
    expect(mine.items.every((l: L) => l.ownerId === me)).toBe(true);
    const dates = mine.items.map((l: L) => l.nextStepDate).filter((d: string | null) => d !== null);
    expect(dates).toEqual([...dates].sort());
    expect(mine.items.find((l: L) => l.id === late.id).overdue).toBe(true);
    const overdue = (await t.call(officer, 'GET', '/api/leads?mine=true&overdue=true&limit=200')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((l: L) => l.overdue)).toBe(true);
    const found = (await t.call(leader, 'GET', `/api/leads?q=${encodeURIComponent('乖宝')}`)).json();
    expect(found.items.map((l: L) => l.id)).toContain(late.id);
    const pet = (await t.call(leader, 'GET', `/api/leads?q=${encodeURIComponent('宠物')}&limit=200`)).json();
    expect(pet.total).toBeGreaterThan(0);
    const referral = (await t.call(leader, 'GET', `/api/leads?q=${encodeURIComponent('宏通')}`)).json();
    expect(referral.items[0]).toMatchObject({ source: 'referral', status: 'signed' });
  });

  it('keeps leads from enterprise and department users, and lets only owners edit', async () => {
    const lead = await newLead();
    for (const user of ['firm', 'dept']) {
      const s = await t.login(user);
      expect((await t.call(s, 'GET', '/api/leads')).statusCode).toBe(403);
      expect((await t.call(s, 'GET', `/api/leads/${lead.id}`)).statusCode).toBe(403);
    }
    const adminLead = (
      await t.call(admin, 'POST', '/api/leads', {
        title: '管理员线索',
        source: 'news',
        targetFirmName: '某公司',
      })
    ).json();
    expect(
      (await t.call(officer, 'PATCH', `/api/leads/${adminLead.id}`, { version: 1, nextStep: 'x' }))
        .statusCode,
    ).toBe(403);
    const edit = await t.call(officer, 'PATCH', `/api/leads/${lead.id}`, {
      version: 1,
      nextStep: '寄送政策材料',
    });
    expect(edit.json()).toMatchObject({ version: 2, nextStep: '寄送政策材料' });
  });
});
