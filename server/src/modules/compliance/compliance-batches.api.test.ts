import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceStatus } from '../../../../shared/src/agreement';
import { createTestApp, type TestApp } from '../../test/test-app';
import { SKIP_DB, TEST_DB_KIND } from '../../test/test-db';
import { compliancePage } from './compliance.task';

const TODAY = '2026-11-30';

/**
 * Compliance is computed a batch of projects at a time (compliance.task.ts): a zone's batches hold
 * 1,000 projects, so the demo's few fit in one. With batches of one project, every page, status
 * filter and summary must come out exactly as computed in one batch.
 */
describe.skipIf(SKIP_DB)(`compliance in batches of projects (${TEST_DB_KIND})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers the same pages and summary in batches of one project as in one batch', async () => {
    const k = t.db.kysely;
    for (const year of [2024, 2025]) {
      const whole = await compliancePage(k, { year, today: TODAY, page: 1, pageSize: 200 });
      // The demo must span several projects and statuses, or the batches would prove nothing.
      expect(new Set(whole.items.map((i) => i.projectId)).size).toBeGreaterThan(3);
      expect(new Set(whole.items.map((i) => i.status)).size).toBeGreaterThan(1);
      expect(whole.total).toBe(whole.items.length);
      const statuses: Array<ComplianceStatus | undefined> = [
        undefined,
        'behind',
        'no_data',
        'met',
        'not_due',
      ];
      for (const status of statuses) {
        const all = await compliancePage(k, {
          year,
          today: TODAY,
          status,
          page: 1,
          pageSize: 200,
          batchSize: 1,
        });
        expect(all.items).toEqual(whole.items.filter((i) => status === undefined || i.status === status));
        expect(all.summary).toEqual(whole.summary);
      }
      // Pages cut across statuses and batches: each as the one batch answers it, and one past the end.
      for (let page = 1; page <= Math.ceil(whole.total / 7) + 1; page++) {
        const q = { year, today: TODAY, page, pageSize: 7 };
        expect(await compliancePage(k, { ...q, batchSize: 1 })).toEqual(await compliancePage(k, q));
      }
      // Projects found by walking every project (a zone with more committed projects than a batch)
      // as by reading the few committed ones by key.
      expect(await compliancePage(k, { year, today: TODAY, page: 1, pageSize: 200, keyedUpTo: 0 })).toEqual(
        whole,
      );
      expect(
        await compliancePage(k, { year, today: TODAY, page: 1, pageSize: 200, keyedUpTo: 0, batchSize: 2 }),
      ).toEqual(whole);
    }
  });
});
