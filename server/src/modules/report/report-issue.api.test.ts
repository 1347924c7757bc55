import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface Issue {
  roundId: string;
  kind: string;
  year: number;
  number: number;
  docNumber: string;
  issuer: string;
  cc: string;
  id: string;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
}

describe.skipIf(SKIP_DB)('签发: the dispatch report as an official document with a 文号 sequence', () => {
  let t: TestApp;
  let admin: Session;
  let leader: Session;
  const issuer = '聊城经济技术开发区管理委员会办公室';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  /** A fresh week round (the demo's projects; only its id matters here). */
  async function weekRound(date: string): Promise<string> {
    const res = await t.call(admin, 'POST', '/api/rounds', { kind: 'week', date });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  const issue = (roundId: string, cc = '市商务局、市投资促进中心') =>
    t.call(leader, 'POST', '/api/reports/dispatch/issues', { roundId, issuer, cc });

  it('issues a round once with 〔year〕第N期; the .docx carries the 文号, 发文单位 and 抄送', async () => {
    const before = (await t.call(leader, 'GET', '/api/reports/dispatch/issues')).json();
    expect(before.defaults.issuer).toContain('管理委员会');
    const roundId = await weekRound('2026-02-02');
    const res = await issue(roundId);
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json() as Issue;
    expect(first).toMatchObject({ roundId, kind: 'week', year: 2026, issuer });
    expect(first.docNumber).toBe(`周调度〔2026〕第${first.number}期`);

    // Once only: a second issue of the round is refused and takes no number.
    const again = await issue(roundId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message.zh).toContain(first.docNumber);

    const docx = await t.call(leader, 'GET', `/api/reports/dispatch.docx?roundId=${roundId}`);
    expect(docx.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(first.docNumber);
    expect(xml).toContain(issuer);
    expect(xml).toContain('抄送：市商务局、市投资促进中心。');
    const xlsx = await t.call(leader, 'GET', `/api/reports/dispatch.xlsx?roundId=${roundId}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')?.getRow(2).values).toEqual([undefined, '文号', first.docNumber]);

    // The form now offers what was used last; the list names the issue.
    const after = (await t.call(leader, 'GET', '/api/reports/dispatch/issues')).json();
    expect(after.defaults).toEqual({ issuer, cc: '市商务局、市投资促进中心' });
    expect(after.items[0].docNumber).toBe(first.docNumber);
  });

  it('concurrent issues get distinct consecutive numbers; one round issued twice at once gets one', async () => {
    const [a, b, c] = [
      await weekRound('2026-02-09'),
      await weekRound('2026-02-16'),
      await weekRound('2026-02-23'),
    ];
    const last = (await t.call(leader, 'GET', '/api/reports/dispatch/issues')).json().items as Issue[];
    const top = Math.max(0, ...last.filter((i) => i.kind === 'week' && i.year === 2026).map((i) => i.number));

    const both = await Promise.all([issue(a), issue(b)]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const numbers = both.map((r) => (r.json() as Issue).number).sort((x, y) => x - y);
    expect(numbers).toEqual([top + 1, top + 2]);

    // The same round from two desks at once: one wins, the other is told; no number is lost.
    const race = await Promise.all([issue(c), issue(c)]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const won = race.find((r) => r.statusCode === 201)?.json() as Issue;
    expect(won.number).toBe(top + 3);
    // The loser's number was rolled back with its transaction: the next issue takes it.
    const next = (await issue(await weekRound('2026-01-26'))).json() as Issue;
    expect(next.number).toBe(top + 4);

    // A month round starts its own sequence for the year.
    const month = await t.call(admin, 'POST', '/api/rounds', { kind: 'month', date: '2026-02-10' });
    const m = (await issue((month.json() as { id: string }).id)).json() as Issue;
    expect(m.docNumber).toBe(`月调度〔2026〕第${m.number}期`);
    expect(m.number).toBe(1);
  });

  it('refuses a blank 发文单位 (400 naming the field), an unknown round (404) and an officer (403)', async () => {
    const roundId = await weekRound('2026-03-02');
    const blank = await t.call(leader, 'POST', '/api/reports/dispatch/issues', {
      roundId,
      issuer: ' ',
      cc: '',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('issuer');
    const unknown = await t.call(leader, 'POST', '/api/reports/dispatch/issues', {
      roundId: 'no-such-round',
      issuer,
      cc: '',
    });
    expect(unknown.statusCode).toBe(404);
    const officer = await t.login('officer');
    expect(
      (await t.call(officer, 'POST', '/api/reports/dispatch/issues', { roundId, issuer, cc: '' })).statusCode,
    ).toBe(403);
    // Nothing was issued by the refused calls.
    const items = (await t.call(leader, 'GET', '/api/reports/dispatch/issues')).json().items as Issue[];
    expect(items.some((i) => i.roundId === roundId)).toBe(false);
  });

  it('作废 keeps the issue listed with who, when and why; the round is issued again with a new 文号', async () => {
    const roundId = await weekRound('2026-03-09');
    const first = (await issue(roundId)).json() as Issue;
    const withdraw = (id: string, body: unknown, session = leader) =>
      t.call(session, 'POST', `/api/reports/dispatch/issues/${id}/withdraw`, body);

    // Bad input names the field and changes nothing; an officer may not withdraw.
    const blank = await withdraw(first.id, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('reason');
    expect((await withdraw(first.id, { reason: '抄送单位有误' }, await t.login('officer'))).statusCode).toBe(
      403,
    );
    expect((await withdraw('no-such-issue', { reason: '抄送单位有误' })).statusCode).toBe(404);
    expect((await issue(roundId)).statusCode).toBe(409);

    const done = await withdraw(first.id, { reason: '抄送单位有误' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      docNumber: first.docNumber,
      withdrawnByName: '开发区领导（示例）',
      withdrawReason: '抄送单位有误',
    });
    expect(done.json().withdrawnAt).toBeTruthy();
    expect((await withdraw(first.id, { reason: '再次作废' })).statusCode).toBe(409);

    // Issued again: the next number of the sequence, never the withdrawn one.
    const again = await issue(roundId, '市商务局');
    expect(again.statusCode, again.body).toBe(201);
    const second = again.json() as Issue;
    expect(second.number).toBeGreaterThan(first.number);
    expect(second.docNumber).not.toBe(first.docNumber);
    const items = (await t.call(leader, 'GET', '/api/reports/dispatch/issues')).json().items as Issue[];
    const ofRound = items.filter((i) => i.roundId === roundId);
    expect(ofRound.map((i) => [i.docNumber, i.withdrawReason])).toEqual([
      [second.docNumber, null],
      [first.docNumber, '抄送单位有误'],
    ]);
    // The document carries the number in force.
    const docx = await t.call(leader, 'GET', `/api/reports/dispatch.docx?roundId=${roundId}`);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(second.docNumber);
    expect(xml).not.toContain(first.docNumber);
    const audit = (await t.call(admin, 'GET', `/api/audit?entity=report_issue&entityId=${first.id}`)).json();
    const entries = audit.items as { action: string; after: Record<string, unknown> }[];
    expect(entries.map((a) => a.action).sort()).toEqual(['issue', 'withdraw']);
    expect(entries.find((a) => a.action === 'withdraw')?.after).toMatchObject({
      withdraw_reason: '抄送单位有误',
    });
  });
});
