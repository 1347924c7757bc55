import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

describe.skipIf(SKIP_DB)('API tokens end with the password that made them', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  async function newToken(s: Session, name: string): Promise<{ id: string; secret: string }> {
    const res = await t.call(s, 'POST', '/api/tokens', { name });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { token: { id: string }; secret: string };
    return { id: body.token.id, secret: body.secret };
  }
  const asBearer = (secret: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });

  async function revocationAudit(tokenId: string) {
    return t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after_json'])
      .where('entity', '=', 'token')
      .where('entity_id', '=', tokenId)
      .where('action', '=', 'revoke')
      .execute();
  }

  it('revokes the user’s tokens when they change their own password, and audits each', async () => {
    const officer = await t.login('officer');
    const a = await newToken(officer, '报表同步');
    const b = await newToken(officer, '数据大屏');
    const otherUsers = await newToken(await t.login('leader'), '领导看板');
    expect((await asBearer(a.secret)).statusCode).toBe(200);
    expect((await asBearer(b.secret)).statusCode).toBe(200);

    const changed = await t.call(officer, 'POST', '/api/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Fresh#Pass2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await asBearer(a.secret)).statusCode).toBe(401);
    expect((await asBearer(b.secret)).statusCode).toBe(401);
    // Someone else's token is untouched; the session that changed the password goes on.
    expect((await asBearer(otherUsers.secret)).statusCode).toBe(200);
    expect((await t.call(officer, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const list = (await t.call(officer, 'GET', '/api/tokens')).json() as {
      items: Array<{ revokedAt: string | null }>;
    };
    expect(list.items).toHaveLength(2);
    expect(list.items.every((x) => x.revokedAt !== null)).toBe(true);

    const audit = await revocationAudit(a.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('officer');
    expect(audit[0]?.after_json).toContain('password.change');
    expect(audit[0]?.after_json).not.toContain('token_hash":"');
  });

  it('revokes the user’s tokens on an admin password reset, and audits each', async () => {
    const dept = await t.login('dept');
    const token = await newToken(dept, '审批系统对接');
    expect((await asBearer(token.secret)).statusCode).toBe(200);
    const me = (await t.call(dept, 'GET', '/api/auth/me')).json() as { user: { id: string } };

    const reset = await t.call(admin, 'POST', `/api/users/${me.user.id}/reset-password`, {
      password: 'Reset#Pass2026',
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await asBearer(token.secret)).statusCode).toBe(401);
    const audit = await revocationAudit(token.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('admin');
    expect(audit[0]?.after_json).toContain('password.reset');
  });
});
