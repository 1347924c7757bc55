import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/**
 * A project's park as a reference (issue 18): set on the project form, validated, audited, shown
 * by name; the imported free text stays as it was; the park counts the project.
 */
describe.skipIf(SKIP_DB)('a project’s park reference', () => {
  let t: TestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  it('links a project to a park by id; an unknown park is a 400 naming parkId; the park counts it', async () => {
    const park = (await t.call(officer, 'POST', '/api/parks', { name: '引用测试园' })).json() as {
      id: string;
      projects: number;
    };
    expect(park.projects).toBe(0);
    const created = await t.call(officer, 'POST', '/api/projects', {
      name: '园区引用测试项目',
      park: '某某园（导入文本）',
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json() as { id: string; version: number; parkRef: null };
    expect(project.parkRef).toBeNull();

    const bad = await t.call(officer, 'PATCH', `/api/projects/${project.id}`, {
      version: project.version,
      parkId: 'no-such-park',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('parkId');

    const linked = await t.call(officer, 'PATCH', `/api/projects/${project.id}`, {
      version: project.version,
      parkId: park.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      parkRef: { id: park.id, name: '引用测试园' },
      park: '某某园（导入文本）',
    });
    const after = (await t.call(officer, 'GET', `/api/parks/${park.id}`)).json() as { projects: number };
    expect(after.projects).toBe(1);
    const audit = (
      await t.call(await t.login('admin'), 'GET', `/api/audit?entity=project&entityId=${project.id}`)
    ).json().items as Array<{ action: string; after: Record<string, unknown> | null }>;
    expect(audit.some((a) => a.after?.park_id === park.id)).toBe(true);
  });
});
