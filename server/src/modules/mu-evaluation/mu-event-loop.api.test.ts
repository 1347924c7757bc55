import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB, TEST_DB_KIND } from '../../test/test-db';
import { newFirmRow } from '../firm/firm-row';

const YEAR = 2025;
/** Enough firms that the evaluation's compute is far heavier than a one-project read. */
const FIRMS = 20_000;
const AT = '2026-01-05T00:00:00.000Z';

/** FIRMS firms of their own, each with its land, tax and output of the year (firm tables). */
async function fillFirms(t: TestApp) {
  const k = t.db.kysely;
  for (let from = 0; from < FIRMS; from += 500) {
    const ids = Array.from({ length: Math.min(500, FIRMS - from) }, (_, i) => `evloop-${from + i}`);
    const firms = ids.map((id, i) =>
      newFirmRow({ id, name: `事件循环测试企业${from + i}有限公司`, is_sample: 1 }, AT),
    );
    await k.insertInto('firm').values(firms).execute();
    const figure = (id: string, measure: string, value: number) => ({
      id: `${id}-${measure}`,
      project_id: null,
      firm_id: id,
      year: YEAR,
      period: 'Y',
      measure,
      value,
      source: 'statistics',
      confirmed_by: null,
      note: null,
      is_sample: 1,
      actor_name: null,
      created_at: AT,
    });
    await k
      .insertInto('actual_figure')
      .values(
        ids.flatMap((id, i) => [
          figure(id, 'landMu', 10 + (i % 90)),
          figure(id, 'tax', 1_000_000 * (1 + (i % 37))),
          figure(id, 'output', 30_000_000 * (1 + (i % 23))),
        ]),
      )
      .execute();
  }
}

/**
 * Issue 14: the 亩均 evaluation of a zone must not stall other requests. With read workers (as in
 * main.ts) its compute runs in a worker thread, so a one-project read sent right after the
 * evaluation starts is answered first. Inline (`readWorkers: 0`) the same read waits for the whole
 * compute on SQLite, and this test fails. (How long each takes is the bench's: agreement-scale.ts.)
 */
describe.skipIf(SKIP_DB)(`the 亩均 evaluation off the event loop (${TEST_DB_KIND})`, () => {
  let t: TestApp;
  let admin: Session;
  let projectId = '';

  beforeAll(async () => {
    t = await createTestApp({ readWorkers: 1 });
    admin = await t.login('admin');
    await fillFirms(t);
    projectId = (await t.call(admin, 'GET', '/api/projects?limit=1')).json().items[0].id;
    // The worker thread starts with its first job: start it now, so the race below is the
    // evaluation's work against the read, not a thread's start-up.
    expect((await t.call(admin, 'GET', '/api/compliance?pageSize=1')).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers a one-project read sent while an evaluation of 20,000 firms computes', async () => {
    expect(t.app.reads.mode).toBe('workers');
    const order: string[] = [];
    // The read is sent the moment the evaluation hands its compute to the read runner, over a real
    // socket: its answer needs the event loop free (an injected request would not).
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const reads = t.app.reads;
    const run = reads.run.bind(reads);
    let read: Promise<void> = Promise.resolve();
    const spy = vi.spyOn(reads, 'run').mockImplementation((name, params) => {
      const job = run(name, params);
      if (name === 'mu.stage') {
        read = fetch(`${base}/api/projects/${projectId}`, { headers: { cookie: admin.cookie } }).then(
          async (r) => {
            await r.arrayBuffer();
            order.push(`project-${r.status}`);
          },
        );
      }
      return job;
    });
    const res = await t.call(admin, 'POST', '/api/mu-evaluations', { year: YEAR }).then((r) => {
      order.push(`evaluation-${r.statusCode}`);
      return r;
    });
    await read;
    spy.mockRestore();
    expect(order).toEqual(['project-200', 'evaluation-201']);
    // The answer is the first page, with every firm counted.
    const ev = res.json();
    expect(ev.items).toHaveLength(50);
    expect(ev.total).toBe(ev.counts.A + ev.counts.B + ev.counts.C + ev.counts.D + ev.counts.unrated);
    expect(ev.total).toBeGreaterThanOrEqual(FIRMS);
  }, 120_000);
});
