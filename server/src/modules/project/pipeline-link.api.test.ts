import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * Issue 4 on the pipeline: firms, leads and projects carry `linkId` (the picker's chain link) on
 * create and update, show the link as chain › link, filter by a link and everything beneath it, and
 * refuse a link that does not exist. Also the officer picker's list and the readable timeline.
 */

interface LinkOption {
  id: string;
  chainId: string;
  chainName: string;
  name: string;
  path: string;
}
interface WithLink {
  id: string;
  version: number;
  linkId: string | null;
  link: { id: string; name: string; chainId: string; chainName: string } | null;
}

describe.skipIf(SKIP_DB)('pipeline records on chain links', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let dept: Session;
  let firmUser: Session;
  let options: LinkOption[];
  const link = (path: string) => {
    const found = options.find((o) => o.path === path);
    if (!found) throw new Error(`no link ${path}`);
    return found;
  };
  const ids = (res: { json: () => unknown }) =>
    (res.json() as { items: Array<{ id: string }> }).items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    dept = await t.login('dept');
    firmUser = await t.login('firm');
    options = (await t.call(officer, 'GET', '/api/chains/link-options')).json().items as LinkOption[];
  });
  afterAll(async () => t?.close());

  it('creates, edits, filters and audits a lead on a link', async () => {
    const snacks = link('宠物产业链 / 宠物食品 / 零食');
    const food = link('宠物产业链 / 宠物食品');
    const created = await t.call(officer, 'POST', '/api/leads', {
      title: '冻干零食工厂落地',
      source: 'exhibition',
      targetFirmName: '某冻干宠物零食有限公司',
      linkId: snacks.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json() as WithLink;
    expect(lead.linkId).toBe(snacks.id);
    expect(lead.link).toEqual({
      id: snacks.id,
      name: '零食',
      chainId: snacks.chainId,
      chainName: '宠物产业链',
    });
    expect((await t.call(leader, 'GET', `/api/leads/${lead.id}`)).json().link.name).toBe('零食');

    // The filter takes the link and the links beneath it, as the chain map counts them.
    expect(ids(await t.call(officer, 'GET', `/api/leads?linkId=${snacks.id}&limit=200`))).toContain(lead.id);
    expect(ids(await t.call(officer, 'GET', `/api/leads?linkId=${food.id}&limit=200`))).toContain(lead.id);
    const other = options.find((o) => o.chainId !== snacks.chainId);
    if (!other) throw new Error('the demo has several chains');
    expect(ids(await t.call(officer, 'GET', `/api/leads?linkId=${other.id}&limit=200`))).not.toContain(
      lead.id,
    );

    const moved = await t.call(officer, 'PATCH', `/api/leads/${lead.id}`, {
      version: lead.version,
      linkId: other.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().link).toMatchObject({ id: other.id, chainName: other.chainName });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('entity', '=', 'lead')
      .where('entity_id', '=', lead.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before_json ?? '{}')).toMatchObject({ link_id: snacks.id });
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ link_id: other.id });

    const cleared = await t.call(officer, 'PATCH', `/api/leads/${lead.id}`, {
      version: lead.version + 1,
      linkId: null,
    });
    expect(cleared.json()).toMatchObject({ linkId: null, link: null });
  });

  it('refuses a link that does not exist on create and update, writing nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const attempts: Array<['POST', string, Record<string, unknown>]> = [
      [
        'POST',
        '/api/leads',
        { title: '无效环节', source: 'other', targetFirmName: '某公司', linkId: 'no-such-link' },
      ],
      ['POST', '/api/firms', { name: '无效环节测试企业有限公司', linkId: 'no-such-link' }],
      ['POST', '/api/projects', { name: '无效环节测试项目', linkId: 'no-such-link' }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await t.call(officer, method, url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      const err = res.json().error as {
        fields: Array<{ path: string; message: { zh: string; en: string } }>;
      };
      expect(err.fields).toEqual([
        {
          path: 'linkId',
          message: { zh: expect.stringContaining('环节不存在'), en: expect.stringContaining('No such') },
        },
      ]);
    }
    const firm = (
      await t.call(officer, 'POST', '/api/firms', { name: '环节校验企业有限公司' })
    ).json() as WithLink;
    const bad = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, {
      version: firm.version,
      linkId: 'gone',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('linkId');
    const after = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Only the firm created above was written.
    expect(Number(after.n) - Number(before.n)).toBe(1);
    expect((await t.call(officer, 'GET', `/api/firms/${firm.id}`)).json()).toMatchObject({
      version: 1,
      linkId: null,
    });
  });

  it('creates and edits a firm on a link and filters the register by it', async () => {
    const grooming = options.find(
      (o) => o.path.startsWith('宠物产业链 /') && o.id !== link('宠物产业链 / 宠物食品').id,
    );
    if (!grooming) throw new Error('the pet chain has several links');
    const res = await t.call(officer, 'POST', '/api/firms', {
      name: '链上测试宠物企业有限公司',
      linkId: grooming.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const firm = res.json() as WithLink;
    expect(firm.link).toMatchObject({ id: grooming.id, name: grooming.name, chainName: '宠物产业链' });
    expect(ids(await t.call(officer, 'GET', `/api/firms?linkId=${grooming.id}&limit=200`))).toContain(
      firm.id,
    );
    const food = link('宠物产业链 / 宠物食品');
    const edited = await t.call(officer, 'PATCH', `/api/firms/${firm.id}`, {
      version: firm.version,
      linkId: food.id,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().link.name).toBe('宠物食品');
    expect(ids(await t.call(officer, 'GET', `/api/firms?linkId=${grooming.id}&limit=200`))).not.toContain(
      firm.id,
    );
    const detail = (await t.call(firmUser, 'GET', '/api/firms?limit=5')).json().items[0] as WithLink;
    expect(detail).toHaveProperty('link');
  });

  it('creates and edits a project on a link; the timeline names the edit in words', async () => {
    const snacks = link('宠物产业链 / 宠物食品 / 零食');
    const res = await t.call(officer, 'POST', '/api/projects', {
      name: '冻干零食生产线项目',
      linkId: snacks.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const project = res.json() as WithLink;
    expect(project.link).toMatchObject({ name: '零食', chainName: '宠物产业链' });
    const food = link('宠物产业链 / 宠物食品');
    expect(ids(await t.call(leader, 'GET', `/api/projects?linkId=${food.id}&limit=200`))).toContain(
      project.id,
    );
    const kanban = (await t.call(leader, 'GET', `/api/projects/kanban?linkId=${snacks.id}`)).json() as {
      columns: Array<{ items: Array<{ id: string }> }>;
    };
    expect(kanban.columns.flatMap((c) => c.items.map((i) => i.id))).toContain(project.id);

    const edited = await t.call(officer, 'PATCH', `/api/projects/${project.id}`, {
      version: project.version,
      linkId: null,
      landMu: 120,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ linkId: null, link: null, landMu: 120 });
    const timeline = (await t.call(leader, 'GET', `/api/projects/${project.id}/timeline`)).json() as {
      items: Array<{ kind: string; title: { zh: string }; fields: string[]; actorName: string | null }>;
    };
    const edit = timeline.items.find((i) => i.kind === 'edit' && i.title.zh === '修改项目');
    expect(edit?.fields.sort()).toEqual(['project.landMu', 'project.linkId']);
    // People by display name, not username.
    const officerName = (await t.call(officer, 'GET', '/api/auth/me')).json().user.displayName as string;
    expect(officerName).not.toBe('officer');
    expect(edit?.actorName).toBe(officerName);
  });

  it('names follow-up kinds in words on the timeline of a signed lead', async () => {
    const lead = (
      await t.call(officer, 'POST', '/api/leads', {
        title: '走访测试线索',
        source: 'other',
        targetFirmName: '走访测试公司',
      })
    ).json() as WithLink;
    expect(
      (
        await t.call(officer, 'POST', `/api/leads/${lead.id}/followups`, {
          kind: 'visit',
          date: '2026-01-05',
        })
      ).statusCode,
    ).toBe(201);
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.id}/sign`, {
      version: lead.version,
      projectName: '走访测试项目',
      signedDate: '2026-01-06',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const timeline = (
      await t.call(officer, 'GET', `/api/projects/${signed.json().project.id}/timeline`)
    ).json() as {
      items: Array<{ kind: string; title: { zh: string; en: string } }>;
    };
    expect(timeline.items.find((i) => i.kind === 'followup')?.title).toEqual({
      zh: '跟进（走访）',
      en: 'Follow-up (Visit)',
    });
  });

  it('lists active officers and leaders for the pickers, to zone staff only', async () => {
    const res = await t.call(leader, 'GET', '/api/officers');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; displayName: string; role: string }>;
    expect(items.some((i) => i.role === 'officer')).toBe(true);
    expect(items.some((i) => i.role === 'leader')).toBe(true);
    expect(items.every((i) => i.role === 'officer' || i.role === 'leader')).toBe(true);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['displayName', 'id', 'role']);
    const me = (await t.call(officer, 'GET', '/api/auth/me')).json().user as { id: string };
    const leaderId = (await t.call(leader, 'GET', '/api/auth/me')).json().user.id as string;
    expect(items.some((i) => i.id === leaderId)).toBe(true);
    await t.db.kysely.updateTable('app_user').set({ disabled: 1 }).where('id', '=', leaderId).execute();
    const after = (await t.call(officer, 'GET', '/api/officers')).json().items as Array<{ id: string }>;
    expect(after.some((i) => i.id === leaderId)).toBe(false);
    expect(after.some((i) => i.id === me.id)).toBe(true);
    expect((await t.call(dept, 'GET', '/api/officers')).statusCode).toBe(403);
    expect((await t.call(firmUser, 'GET', '/api/officers')).statusCode).toBe(403);
  });
});
