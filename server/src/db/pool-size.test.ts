import { describe, expect, it } from 'vitest';
import { defaultPgPoolSize, splitPgPool } from './pool-size';

describe('PostgreSQL pool sizes', () => {
  it('defaults to five per core, at least 10', () => {
    expect(defaultPgPoolSize(1)).toBe(10);
    expect(defaultPgPoolSize(2)).toBe(10);
    expect(defaultPgPoolSize(8)).toBe(40);
  });

  it('counts the read workers’ pools in the process’s budget', () => {
    for (const [total, workers] of [
      [10, 2],
      [40, 2],
      [20, 4],
      [6, 0],
    ] as const) {
      const { main, perWorker } = splitPgPool(total, workers);
      expect(main + perWorker * workers).toBe(total);
      expect(main).toBeGreaterThanOrEqual(2);
      if (workers > 0) expect(perWorker).toBeGreaterThanOrEqual(1);
    }
    expect(splitPgPool(40, 2)).toEqual({ main: 30, perWorker: 5 });
  });
});
