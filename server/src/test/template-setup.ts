import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { OUT_DIR, serverBuildIsCurrent } from '../../../scripts/server-build-state.mjs';
import { makeTemplates, type TestTemplates } from './test-templates';

/**
 * Uploads are read in a fresh worker thread each (upload/parse-runner.ts). Started from TypeScript,
 * every such thread registers tsx and compiles the readers again: seconds per upload under load. When
 * dist/server is as new as every source it was built from (`npm test` builds first), the tests start
 * the compiled worker instead — the same code. A stale or missing build keeps the TypeScript one.
 */
function pickCompiledParseWorker(): void {
  if (!serverBuildIsCurrent()) return;
  process.env.LZ_TEST_COMPILED_PARSE_WORKER = path.join(OUT_DIR, 'parse-worker.mjs');
}

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
  pickCompiledParseWorker();
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
