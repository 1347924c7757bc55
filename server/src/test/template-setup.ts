import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { makeTemplates, type TestTemplates } from './test-templates';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's template databases (null: none, each file migrates and seeds its own). */
    lzTemplates: TestTemplates | null;
  }
}

/**
 * vitest globalSetup of the two database projects: migrates a template database (and a second one with
 * the demo zone) once for the run, hands their names to the test files, and removes them at the end.
 * With PostgreSQL unreachable outside CI there are no templates and the PostgreSQL tests skip.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const kind = project.config.env?.LZ_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  try {
    const { templates, remove } = await makeTemplates(kind, runId);
    project.provide('lzTemplates', templates);
    return remove;
  } catch (err) {
    if (kind === 'postgres' && process.env.CI !== 'true') {
      // test-db.ts says why the PostgreSQL tests skip; there is nothing to template.
      project.provide('lzTemplates', null);
      return undefined;
    }
    throw err;
  }
}
