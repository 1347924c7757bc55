import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/src/uscc';
import { registerErrorHandler } from '../plugins/errors';
import { createTestApp, type Session, type TestApp } from './test-app';
import { SKIP_DB } from './test-db';

/**
 * The same new record sent three times at once (a double click, two browsers): each service
 * checks for a duplicate first, and all three pass the check before any has written. The one that
 * writes first gets 201, the others the service's own 409 naming the field — not a 500.
 */
describe.skipIf(SKIP_DB)('the same record saved at the same instant', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  const thrice = async (s: Session, url: string, body: Record<string, unknown>) => {
    const answers = await Promise.all([1, 2, 3].map(() => t.call(s, 'POST', url, body)));
    const statuses = answers.map((a) => a.statusCode).sort();
    const refused = answers.filter((a) => a.statusCode === 409).map((a) => a.json().error);
    return { statuses, refused };
  };

  it('creates one user and tells the others the username is taken', async () => {
    const { statuses, refused } = await thrice(admin, '/api/users', {
      username: 'racer1',
      displayName: '同时新建',
      role: 'officer',
      password: 'Start#2026a-long',
    });
    expect(statuses).toEqual([201, 409, 409]);
    for (const e of refused) {
      expect(e.code).toBe('USERNAME_TAKEN');
      expect(e.fields.map((f: { path: string }) => f.path)).toEqual(['username']);
    }
  });

  it('creates one firm and tells the others which firm has the credit code', async () => {
    const uscc = makeUscc(900_123);
    const answers = await Promise.all(
      ['甲', '乙', '丙'].map((n) =>
        t.call(officer, 'POST', '/api/firms', { name: `同时新建${n}有限公司`, uscc }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    const saved = answers.find((a) => a.statusCode === 201)?.json() as { id: string };
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      const e = a.json().error;
      expect(e.code).toBe('DUPLICATE_FIRM');
      expect(e.fields.map((f: { path: string }) => f.path)).toEqual(['uscc']);
      expect(e.duplicates.map((d: { id: string }) => d.id)).toEqual([saved.id]);
    }
  });

  it('numbers four factor requests sent at once, each with a code of its own', async () => {
    const projects = (await t.call(officer, 'GET', '/api/projects?limit=1')).json() as {
      items: Array<{ id: string }>;
    };
    const projectId = projects.items[0]?.id;
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        t.call(officer, 'POST', '/api/requests', { projectId, type: 'power', title: `同时提交用电需求${n}` }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const codes = new Set(answers.map((a) => (a.json() as { code: string }).code));
    expect(codes.size).toBe(4);
  });

  it('creates one chain and tells the others the name is taken', async () => {
    const { statuses, refused } = await thrice(officer, '/api/chains', {
      name: '同时新建产业链',
      scope: 'zone',
    });
    expect(statuses).toEqual([201, 409, 409]);
    for (const e of refused) expect(e.code).toBe('CHAIN_NAME_TAKEN');
  });
});

describe('a unique violation no service expected', () => {
  it('answers 409 "saved a moment ago" in both languages, not 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/pg', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    });
    app.get('/sqlite', async () => {
      throw Object.assign(new Error('UNIQUE constraint failed: x.y'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    });
    for (const url of ['/pg', '/sqlite']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'ALREADY_SAVED',
        message: {
          zh: '同样的记录刚被保存过，请刷新后查看',
          en: 'The same record was saved a moment ago; reload to see it',
        },
      });
    }
    await app.close();
  });
});
