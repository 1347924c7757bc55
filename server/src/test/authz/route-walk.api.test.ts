import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../../shared/src/roles';
import { createToken } from '../../modules/token/token.service';
import { findUserByUsername } from '../../modules/user/user.repository';
import { createTestApp, type TestApp } from '../test-app';
import { SKIP_DB } from '../test-db';
import { DEMO_USER_OF, ROUTE_ACCESS } from './route-access.table';

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}

/** Walks every route of the OpenAPI document with every role and with no credentials. */
describe.skipIf(SKIP_DB)('authorisation: every route × every role', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  let routes: Array<{ method: string; path: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) {
      const user = await findUserByUsername(t.db.kysely, DEMO_USER_OF[role]);
      if (!user) throw new Error(`demo user for ${role} missing`);
      const ctx = {
        db: t.db,
        clock: t.clock,
        ip: null,
        actor: {
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          role,
          departmentId: user.department_id,
          firmId: user.firm_id,
          via: 'session' as const,
          sessionId: null,
        },
      };
      tokens.set(role, (await createToken(ctx, 'route walk')).secret);
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
  });
  afterAll(async () => t?.close());

  it('lists every documented route in the access table, and nothing more', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it('answers 401 without credentials, 403 to roles without access, and neither to roles with access', async () => {
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const rule = ROUTE_ACCESS[`${method} ${path}`];
      if (!rule) {
        failures.push(`${method} ${path} is missing from route-access.table.ts`);
        continue;
      }
      // Unknown ids: the walk checks the gate, not the record (a 404 behind the gate is fine).
      const url = path.replace(/\{[^}]+\}/g, '01a00000-0000-7000-8000-000000000000');
      const send = (headers: Record<string, string>) =>
        t.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
      const anon = await send({});
      const anonOk =
        rule === 'public' ? anon.statusCode !== 401 && anon.statusCode !== 403 : anon.statusCode === 401;
      if (!anonOk) failures.push(`${method} ${path} anonymous → ${anon.statusCode}`);
      for (const role of ROLES) {
        const res = await send({ authorization: `Bearer ${tokens.get(role)}` });
        const allowed = rule === 'public' || rule === 'any' || rule.includes(role);
        const denied = res.statusCode === 401 || res.statusCode === 403;
        if (allowed === denied) failures.push(`${method} ${path} as ${role} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    // Seven requests per route, ~190 routes: past the default 30 s on a loaded machine.
  }, 120_000);
});
