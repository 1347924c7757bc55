import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { clockStartingAt, processClock, systemClock } from './clock';

describe('the process clock (LIANZHAO_CLOCK_START)', () => {
  it('starts at the configured instant and then runs at the normal pace', () => {
    const start = new Date('2026-06-15T10:00:00+08:00');
    const madeAt = Date.now() - 90_000; // made a minute and a half ago
    const clock = clockStartingAt(start, madeAt);
    const elapsed = clock.now().getTime() - start.getTime();
    expect(elapsed).toBeGreaterThanOrEqual(90_000);
    expect(elapsed).toBeLessThan(90_000 + 60_000);
  });

  it('is the system clock when nothing is configured', () => {
    expect(processClock(loadConfig({}))).toBe(systemClock);
    const shifted = processClock(loadConfig({ LIANZHAO_CLOCK_START: '2024-09-01T09:00:00+08:00' }));
    expect(shifted.now().toISOString().slice(0, 10)).toBe('2024-09-01');
  });

  it('refuses a start without its zone or that is not a date, naming the variable', () => {
    for (const bad of ['2026-06-15T10:00:00', 'tomorrow', '2026-13-40T00:00:00Z']) {
      expect(() => loadConfig({ LIANZHAO_CLOCK_START: bad })).toThrow(/LIANZHAO_CLOCK_START/);
    }
    expect(loadConfig({ LIANZHAO_CLOCK_START: '2026-06-15T02:00:00Z' }).clockStart?.toISOString()).toBe(
      '2026-06-15T02:00:00.000Z',
    );
  });
});
