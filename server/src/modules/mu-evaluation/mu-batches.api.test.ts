import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { SKIP_DB, TEST_DB_KIND } from '../../test/test-db';
import { MU_FIRM_BATCH, muCompute } from './mu.task';

/**
 * The 亩均 evaluation reads the year's figures a batch of firms at a time (mu.task.ts): the demo's
 * firms fit in one batch of MU_FIRM_BATCH. With batches of one firm, every firm's figures, score,
 * class and rank, and the zone's benchmarks, must come out exactly as read in one batch.
 */
describe.skipIf(SKIP_DB)(`亩均 evaluation in batches of firms (${TEST_DB_KIND})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('rates the same firms the same way in batches of one firm as in one batch', async () => {
    const whole = await muCompute(t.db.kysely, { year: 2025 });
    // The demo's sample evaluation must span several firms and classes, or batches would prove nothing.
    expect(whole.items.length).toBeGreaterThan(3);
    expect(whole.items.length).toBeLessThan(MU_FIRM_BATCH);
    expect(new Set(whole.items.map((i) => i.class)).size).toBeGreaterThan(1);
    const batched = await muCompute(t.db.kysely, { year: 2025, firmBatch: 1 });
    expect(batched.items).toEqual(whole.items);
    expect(batched.benchmarks).toEqual(whole.benchmarks);
  });
});
