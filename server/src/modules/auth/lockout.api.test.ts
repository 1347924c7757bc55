import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

const WRONG = 'Wrong#pass1';

describe.skipIf(SKIP_DB)('lockout: atomic under parallel guesses, shared with change-password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  async function actionsOf(actorName: string) {
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('actor_name', '=', actorName)
      .execute();
    const count = (action: string) => rows.filter((r) => r.action === action).length;
    return { count };
  }

  it('checks at most five passwords when thirty wrong ones arrive at once, and then refuses the right one', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login('dept', WRONG)));
    const codes = answers.map((a) => a.statusCode);
    // Slots 1–4 fail with 401, slot 5 fails and locks (423), the other 25 never reach a password check.
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    expect(codes.filter((c) => c === 423)).toHaveLength(26);
    const audit = await actionsOf('dept');
    expect(audit.count('login.failed') + audit.count('login.failed-locked')).toBe(5);
    expect(audit.count('login.failed-locked')).toBe(1);
    expect(audit.count('login.locked')).toBe(25);
    const user = await t.db.kysely
      .selectFrom('app_user')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'dept')
      .executeTakeFirstOrThrow();
    expect(Number(user.failed_logins)).toBe(5);
    expect(user.locked_until).not.toBeNull();

    const right = await login('dept', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceMinutes(16);
    expect((await login('dept', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('counts wrong current passwords on the change-password form towards the same lock', async () => {
    const s = await t.login('officer');
    const change = (currentPassword: string) =>
      t.call(s, 'POST', '/api/auth/change-password', { currentPassword, newPassword: 'Fresh#Pass2026' });
    // Two failed sign-ins first: the counter is the name's, whatever form the guess came through.
    expect((await login('officer', WRONG)).statusCode).toBe(401);
    expect((await login('officer', WRONG)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) {
      const r = await change(WRONG);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0].path).toBe('currentPassword');
    }
    const fifth = await change(WRONG);
    expect(fifth.statusCode).toBe(423);
    // Locked: the session that kept guessing is ended, and a sign-in with the right password is refused.
    expect((await change(DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('officer', DEMO_PASSWORD)).statusCode).toBe(423);
    const audit = await actionsOf('officer');
    expect(audit.count('password.change.failed')).toBe(2);
    expect(audit.count('password.change.failed-locked')).toBe(1);
    expect(audit.count('password.change')).toBe(0);

    t.clock.advanceMinutes(16);
    const s2 = await t.login('officer');
    const ok = await t.call(s2, 'POST', '/api/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Fresh#Pass2026',
    });
    expect(ok.statusCode).toBe(204);
  });

  it('verifies at most five current passwords when thirty guesses arrive at once', async () => {
    const s = await t.login('leader');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.call(s, 'POST', '/api/auth/change-password', {
          currentPassword: WRONG,
          newPassword: 'Fresh#Pass2026',
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 400)).toHaveLength(4);
    // The rest are refused as locked, or as signed out once the lock has ended the guessing session.
    expect(codes.filter((c) => c === 423 || c === 401)).toHaveLength(26);
    expect(codes.filter((c) => c === 423).length).toBeGreaterThan(0);
    const audit = await actionsOf('leader');
    expect(audit.count('password.change.failed') + audit.count('password.change.failed-locked')).toBe(5);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
