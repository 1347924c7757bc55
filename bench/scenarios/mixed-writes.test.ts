import { describe, expect, it } from 'vitest';
import { closedLoopNote, cpuNote, lostUpdates, mixOps, readKind } from './mixed-writes';

describe('lostUpdates', () => {
  it('finds none when each counter rose by exactly its saved edits (an empty field counts as 0)', () => {
    const before = new Map<string, number | null>([
      ['a', null],
      ['b', 40],
      ['c', 7],
    ]);
    const after = new Map<string, number | null>([
      ['a', 3],
      ['b', 45],
      ['c', 7],
    ]);
    const saved = new Map([
      ['a', 3],
      ['b', 5],
    ]);
    expect(lostUpdates(before, after, saved)).toEqual([]);
  });

  it('names a project whose counter rose by less (a lost edit) or by more (an edit applied twice)', () => {
    const before = new Map<string, number | null>([
      ['a', 10],
      ['b', 10],
    ]);
    const after = new Map<string, number | null>([
      ['a', 12],
      ['b', 15],
    ]);
    const saved = new Map([
      ['a', 3],
      ['b', 4],
    ]);
    expect(lostUpdates(before, after, saved)).toEqual([
      { id: 'a', before: 10, after: 12, saved: 3 },
      { id: 'b', before: 10, after: 15, saved: 4 },
    ]);
  });

  it('counts a project gone from the database, and edits saved on a project never read, as losses', () => {
    const lost = lostUpdates(new Map([['a', 1]]), new Map(), new Map([['z', 2]]));
    expect(lost.map((l) => [l.id, l.saved])).toEqual([
      ['a', 0],
      ['z', 2],
    ]);
  });
});

describe('mixOps', () => {
  it('keeps the reads in order, with an edit of the next target after every ten', () => {
    const reads = Array.from({ length: 25 }, (_, i) => `/api/projects/p${i}`);
    const ops = mixOps(reads, ['x', 'y']);
    expect(ops).toHaveLength(27);
    expect(ops[10]).toEqual({ type: 'edit', projectId: 'x' });
    expect(ops[21]).toEqual({ type: 'edit', projectId: 'y' });
    expect(ops.filter((o) => o.type === 'read').map((o) => (o.type === 'read' ? o.path : ''))).toEqual(reads);
  });
});

describe('readKind', () => {
  it('sorts mixed-200 paths into their report rows', () => {
    expect(readKind('/api/cockpit?year=2026&park=A')).toBe('cockpit');
    expect(readKind('/api/projects/01HXYZ')).toBe('detail');
    expect(readKind('/api/projects?q=%E8%8A%AF&limit=50')).toBe('search');
    expect(readKind('/api/projects?chainLink=x&stage=signed&limit=50')).toBe('list');
  });
});

describe('closedLoopNote', () => {
  it('gives the mean a closed loop forces (clients ÷ req/s) and the throughput the p99 goal needs', () => {
    expect(closedLoopNote(200, 100, 500)).toBe(
      'closed loop (no think time): mean response = 200 clients ÷ 100.0 req/s = 2000 ms; p99 ≤ 500 ms needs ≥ 400 req/s (this run: 0.25× of it)',
    );
    expect(closedLoopNote(200, 450, 500)).toContain('needs ≥ 400 req/s (this run: enough)');
  });

  it('says ∞ for a run that answered nothing', () => {
    expect(closedLoopNote(200, 0, 500)).toContain('= ∞ ms');
  });
});

describe('cpuNote', () => {
  it('divides the app processes’ CPU by the requests answered in the window', () => {
    expect(cpuNote(24, 6000, 2, false)).toBe(
      'app CPU (2 processes, all threads, timed window; database server not included): 24.0 s for 6000 requests = 4.00 ms per request',
    );
    expect(cpuNote(3, 1000, 1, true)).toContain(
      '(1 process, all threads, timed window; database in process, included)',
    );
  });

  it('says so when the CPU time could not be read', () => {
    expect(cpuNote(null, 6000, 2, false)).toBe('app CPU: not measured (no /proc on this system)');
  });
});
