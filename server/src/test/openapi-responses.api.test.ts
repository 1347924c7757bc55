import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';
import { SKIP_DB } from './test-db';

interface ResponseDoc {
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseDoc> }>>;
}

/**
 * Routes that answer JSON but do not declare it yet (issue 12: every JSON route declares its
 * response, so OpenAPI describes it and fastify serialises with the contract). Areas still being
 * converted; this list must only shrink — a new route declares its response schema.
 */
const UNDECLARED: readonly string[] = [
  'GET /api/chains/{id}/export', // JSON or xlsx by `format`
];

/** Routes whose success is a file (xlsx, docx, csv, a photo), not JSON: no JSON schema on purpose. */
const NOT_JSON: readonly string[] = [
  'GET /api/actuals/template.xlsx',
  'GET /api/attachments/{id}',
  'GET /api/firms/export.xlsx',
  'GET /api/import/template.xlsx',
  'GET /api/import/{id}/errors.xlsx',
  'GET /api/imports/firms/bulk/{id}/report.csv',
  'GET /api/leads/export.xlsx',
  'GET /api/mu-evaluations/{year}/export.xlsx',
  'GET /api/projects/export.xlsx',
  'GET /api/projects/{id}/compliance-notice.docx',
  'GET /api/projects/{id}/dossier.docx',
  'GET /api/campaigns/{id}/task-book.docx',
  'GET /api/reports/dispatch.docx',
  'GET /api/reports/dispatch.xlsx',
  'GET /api/round-reports/{id}/photos/{photoId}',
];

describe.skipIf(SKIP_DB)('the OpenAPI document: every JSON route declares its response', () => {
  let t: TestApp;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
  });
  afterAll(async () => t?.close());

  it('has a 2xx JSON response schema for every route not listed above', () => {
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        .filter(([, op]) =>
          Object.entries(op.responses ?? {}).every(
            // A 204 declares `null`: no body is its contract.
            ([status, res]) => !status.startsWith('2') || !res.content?.['application/json']?.schema,
          ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const expected = [...UNDECLARED, ...NOT_JSON].sort();
    expect(undeclared.sort()).toEqual(expected);
  });
});
