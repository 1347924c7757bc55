import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test-app';
import { SKIP_DB } from '../test-db';

/** 1×1 transparent PNG: a real image, the smallest evidence file a task accepts. */
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const NOTE = '内部备注：谈判底线 4.8 亿元';
const RELATION_NOTE = '内部：对方正与邻区接触';
const STAFF_ONLY = ['note', 'tags', 'leadCount', 'relations', 'leads'];

async function xlsxText(body: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value ?? ''));
      });
    }),
  );
  return cells.join('\n');
}

/** Decision 011: what an outside firm sees of its own firm, and one scope per record across routes. */
describe.skipIf(SKIP_DB)('record audience: every route over a record agrees', () => {
  let t: TestApp;
  let admin: Session;
  let leader: Session;
  let officer: Session;
  let dept: Session;
  let firmUser: Session;
  let ownFirmId = '';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    leader = await t.login('leader');
    officer = await t.login('officer');
    dept = await t.login('dept');
    firmUser = await t.login('firm');
    ownFirmId = (await t.call(firmUser, 'GET', '/api/firms')).json().items[0].id;
    // The zone writes a note about the firm and records a relation with a note of its own.
    const own = (await t.call(officer, 'GET', `/api/firms/${ownFirmId}`)).json();
    const patched = await t.call(officer, 'PATCH', `/api/firms/${ownFirmId}`, {
      version: own.version,
      note: NOTE,
      tags: ['重点跟踪'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const other = (await t.call(officer, 'GET', `/api/firms?q=${encodeURIComponent('宏通')}`)).json()
      .items[0];
    const rel = await t.call(officer, 'POST', `/api/firms/${ownFirmId}/relations`, {
      toFirmId: other.id,
      kind: 'customer',
      note: RELATION_NOTE,
    });
    expect(rel.statusCode, rel.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('shows zone staff the firm’s note, labels, lead count and relations', async () => {
    const detail = (await t.call(leader, 'GET', `/api/firms/${ownFirmId}`)).json();
    expect(detail.note).toBe(NOTE);
    expect(detail.tags).toEqual(['重点跟踪']);
    expect(typeof detail.leadCount).toBe('number');
    expect(detail.relations.map((r: { note: string | null }) => r.note)).toContain(RELATION_NOTE);
    expect(Array.isArray(detail.leads)).toBe(true);
    const relations = await t.call(leader, 'GET', `/api/firms/${ownFirmId}/relations`);
    expect(relations.statusCode).toBe(200);
    expect(relations.body).toContain(RELATION_NOTE);
    const exported = await t.call(officer, 'GET', '/api/firms/export.xlsx');
    expect(await xlsxText(exported.rawPayload)).toContain('重点跟踪');
  });

  it('shows a firm its own registry facts and projects, none of the zone’s view, on every route', async () => {
    const list = await t.call(firmUser, 'GET', '/api/firms');
    const detail = await t.call(firmUser, 'GET', `/api/firms/${ownFirmId}`);
    const dups = await t.call(
      firmUser,
      'GET',
      `/api/firms/duplicates?name=${encodeURIComponent('乖宝宠物食品集团股份有限公司')}`,
    );
    for (const res of [list, detail, dups]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(NOTE);
      expect(res.body).not.toContain(RELATION_NOTE);
      expect(res.body).not.toContain('重点跟踪');
    }
    const item = list.json().items[0];
    const own = detail.json();
    for (const field of STAFF_ONLY) {
      expect(item, field).not.toHaveProperty(field);
      expect(own, field).not.toHaveProperty(field);
    }
    expect(own).toMatchObject({ id: ownFirmId, name: '乖宝宠物食品集团股份有限公司' });
    expect(own.projects.length).toBeGreaterThan(0);
    // The relations route is the zone's graph: refused at the gate, for its own firm too.
    expect((await t.call(firmUser, 'GET', `/api/firms/${ownFirmId}/relations`)).statusCode).toBe(403);

    const exported = await t.call(firmUser, 'GET', '/api/firms/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const text = await xlsxText(exported.rawPayload);
    expect(text).toContain('乖宝宠物食品集团股份有限公司');
    for (const hidden of ['标签', '线索', '重点跟踪', NOTE]) expect(text).not.toContain(hidden);
  });

  it('gives a programme the scope of its task: the same answer from programmes, tasks and attachments', async () => {
    const programmes = (await t.call(leader, 'GET', '/api/programmes')).json().items as Array<{
      id: string;
      title: string;
    }>;
    expect(programmes.length).toBeGreaterThan(0);
    const aid = programmes.find((p) => p.title.includes('聊城第三中学'));
    if (!aid) throw new Error('demo programme missing');
    const file = await t.call(admin, 'POST', `/api/tasks/${aid.id}/attachments`, {
      fileName: '帮扶协议.png',
      contentBase64: PNG_1PX,
    });
    expect(file.statusCode, file.body).toBe(201);
    const fileId = file.json().id as string;

    // The demo department user (供电服务中心, D05) is not on the 刚察 programme (lead D11).
    expect((await t.call(dept, 'GET', `/api/tasks/${aid.id}`)).statusCode).toBe(404);
    expect((await t.call(dept, 'GET', `/api/programmes/${aid.id}`)).statusCode).toBe(404);
    expect((await t.call(dept, 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(404);
    const deptList = (await t.call(dept, 'GET', '/api/programmes')).json();
    expect(deptList.items.map((p: { id: string }) => p.id)).not.toContain(aid.id);
    expect(deptList.total).toBe(deptList.items.length);

    // Every role that reads tasks gets the same status from both routes, for every programme.
    for (const s of [admin, leader, officer, dept]) {
      for (const p of programmes) {
        const viaTask = (await t.call(s, 'GET', `/api/tasks/${p.id}`)).statusCode;
        const viaProgramme = (await t.call(s, 'GET', `/api/programmes/${p.id}`)).statusCode;
        expect(viaProgramme, p.title).toBe(viaTask);
      }
    }
    expect((await t.call(leader, 'GET', `/api/programmes/${aid.id}`)).statusCode).toBe(200);
    expect((await t.call(leader, 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(200);
  });
});
