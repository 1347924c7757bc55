import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission } from '../../../../shared/src/permissions';
import { ROLES } from '../../../../shared/src/roles';
import { createTestApp, type TestApp } from '../test-app';
import { SKIP_DB } from '../test-db';
import { DEMO_USER_OF } from './route-access.table';

/** A GET a page makes when it opens; `when` is the permission the page checks before calling. */
interface FirstCall {
  url: string;
  when?: Permission;
}

/**
 * The first API calls of each menu entry's page (web/src/features/<area>/api), by module key. The
 * test reads the registry (web/src/app/modules.ts) as text so that the server test does not load
 * the web bundle; a module added there without a row here fails the first test.
 */
const FIRST_CALLS: Record<string, FirstCall[]> = {
  home: [{ url: '/api/inbox' }, { url: '/api/rounds', when: 'round.report' }],
  // The map link matches the cockpit's park text to a park (components/park-select.tsx) when the role reads parks.
  cockpit: [{ url: '/api/cockpit' }, { url: '/api/parks', when: 'park.read' }],
  warning: [{ url: '/api/warnings' }, { url: '/api/warnings/options' }],
  round: [{ url: '/api/rounds' }],
  target: [{ url: '/api/targets' }],
  lead: [{ url: '/api/leads' }],
  project: [{ url: '/api/projects' }],
  firm: [{ url: '/api/firms' }],
  intake: [{ url: '/api/intake' }],
  chain: [{ url: '/api/chains/overview' }],
  // The chain filter (park/api/use-parks.ts) asks only when the role reads chains.
  map: [{ url: '/api/map' }, { url: '/api/chains', when: 'chain.read' }],
  park: [{ url: '/api/parks' }],
  referral: [{ url: '/api/referrals' }],
  inbox: [{ url: '/api/inbox' }, { url: '/api/inbox/count' }],
  request: [
    { url: '/api/requests' },
    { url: '/api/requests/overview', when: 'request.overview' },
    // The department select (lib/use-departments.ts) asks only when the role may read departments.
    { url: '/api/departments', when: 'department.read' },
  ],
  task: [{ url: '/api/tasks' }, { url: '/api/departments', when: 'department.read' }],
  campaign: [{ url: '/api/campaigns' }],
  problem: [{ url: '/api/problem-lists' }],
  programme: [{ url: '/api/programmes' }],
  // 履约考核 opens on the current year; 亩均评价 on last year (the demo's sample evaluation is 2025).
  compliance: [{ url: '/api/compliance?year=2026' }],
  mu: [{ url: '/api/mu-evaluations/2025' }],
  audit: [{ url: '/api/audit' }],
  user: [{ url: '/api/users' }, { url: '/api/departments', when: 'department.read' }],
  token: [{ url: '/api/tokens' }],
  channel: [{ url: '/api/notify/channels' }],
  department: [{ url: '/api/departments' }],
};

/** `{ key, permission }` of every registry entry, read from the source of web/src/app/modules.ts. */
function registryEntries(): Array<{ key: string; permission: Permission | null }> {
  const source = readFileSync(path.join(import.meta.dirname, '../../../../web/src/app/modules.ts'), 'utf8');
  const entries = [...source.matchAll(/\n {4}key: '([^']+)',[\s\S]*?\n {4}permission: (null|'[^']+'),/g)];
  return entries.map(([, key, permission]) => ({
    key: key as string,
    permission: permission === 'null' ? null : (permission?.slice(1, -1) as Permission),
  }));
}

/** Every role's menu holds only entries whose pages open without a refused or failed API call. */
describe.skipIf(SKIP_DB)('menus per role: no dead entries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('has first calls for every module of the registry', () => {
    const keys = registryEntries().map((e) => e.key);
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.sort()).toEqual(Object.keys(FIRST_CALLS).sort());
  });

  it('answers 2xx to every first call of every menu entry a role sees', async () => {
    const failures: string[] = [];
    const visited: string[] = [];
    for (const role of ROLES) {
      const session = await t.login(DEMO_USER_OF[role]);
      const menu = registryEntries().filter((e) => e.permission === null || can(role, e.permission));
      for (const entry of menu) {
        for (const call of FIRST_CALLS[entry.key] ?? []) {
          if (call.when && !can(role, call.when)) continue;
          const res = await t.call(session, 'GET', call.url);
          visited.push(`${role} ${entry.key}`);
          if (res.statusCode >= 300) failures.push(`${role} ${entry.key} ${call.url} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(visited).toContain('enterprise request');
  });

  it('shows an enterprise user no API-token menu and no audit or user admin', () => {
    const menu = registryEntries()
      .filter((e) => e.permission === null || can('enterprise', e.permission))
      .map((e) => e.key);
    expect(menu).toContain('request');
    expect(menu).not.toContain('token');
    expect(menu).not.toContain('audit');
    expect(menu).not.toContain('user');
  });
});
