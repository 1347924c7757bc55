import { describe, expect, it } from 'vitest';
import { processCpuSeconds } from './serve-processes';

describe('processCpuSeconds', () => {
  it.runIf(process.platform === 'linux')('reads a live process’s CPU time from /proc', () => {
    // This test's own process has run code, so it has used some CPU; twice itself is twice as much.
    const own = processCpuSeconds([process.pid]);
    expect(own).not.toBeNull();
    expect(own).toBeGreaterThan(0);
    expect(processCpuSeconds([process.pid, process.pid])).toBeGreaterThanOrEqual(2 * (own ?? 0));
  });

  it('answers null when a process cannot be read (gone, or no /proc)', () => {
    expect(processCpuSeconds([process.pid, 2 ** 22 + 12_345])).toBeNull();
  });
});
