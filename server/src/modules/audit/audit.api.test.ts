import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/src/contract/account';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/** The audit log names its actors: a person by display name, the escalation sweep as such. */
describe.skipIf(SKIP_DB)('audit log: readable actors', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const entries = async (query: string) =>
    ((await t.call(admin, 'GET', `/api/audit?${query}`)).json() as { items: AuditEntry[] }).items;

  it("carries a person's display name and kind", async () => {
    const logins = await entries('action=login.success&actor=admin&limit=5');
    expect(logins.length).toBeGreaterThan(0);
    const me = (await t.call(admin, 'GET', '/api/auth/me')).json() as { user: { displayName: string } };
    expect(logins[0]).toMatchObject({
      actorKind: 'user',
      actorName: 'admin',
      actorDisplayName: me.user.displayName,
    });
  });

  it('records each escalation step the sweep reaches, as the automatic escalation', async () => {
    // The demo holds overdue requests: the first sweep escalates them.
    expect((await t.call(admin, 'POST', '/api/notify/sweep')).statusCode).toBe(200);
    const steps = await entries('action=request.escalated&limit=100');
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step).toMatchObject({ actorKind: 'escalation', actorId: null, actorDisplayName: null });
      expect(['head', 'leader']).toContain(step.after?.level);
      expect(typeof step.after?.title).toBe('string');
    }
    // A second sweep finds nothing new and writes no second row.
    await t.call(admin, 'POST', '/api/notify/sweep');
    expect((await entries('action=request.escalated&limit=100')).length).toBe(steps.length);
  });
});
