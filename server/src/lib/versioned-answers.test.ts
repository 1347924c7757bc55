import { describe, expect, it } from 'vitest';
import { VersionedAnswers } from './versioned-answers';

describe('VersionedAnswers', () => {
  const counting = () => {
    let n = 0;
    return {
      compute: async () => ({ n: ++n, pad: 'x'.repeat(90) }),
      get calls() {
        return n;
      },
    };
  };

  it('serves a kept answer only while the version reads the same', async () => {
    const cache = new VersionedAnswers(10_000);
    const c = counting();
    let version = 'v1';
    const ask = () => cache.answer('k', async () => version, c.compute);
    const first = (await ask()).toString();
    expect((await ask()).toString()).toBe(first);
    expect(c.calls).toBe(1);
    version = 'v2';
    expect(JSON.parse((await ask()).toString()).n).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('reads the version before computing: a write during the computation is never served later', async () => {
    const cache = new VersionedAnswers(10_000);
    let version = 'v1';
    const slow = async () => {
      version = 'v2'; // a write committed while the answer was being read
      return { stale: true };
    };
    await cache.answer('k', async () => version, slow);
    const next = await cache.answer(
      'k',
      async () => version,
      async () => ({ stale: false }),
    );
    expect(JSON.parse(next.toString())).toEqual({ stale: false });
  });

  it('stays within its bytes, the least recently used out first', async () => {
    const cache = new VersionedAnswers(250); // two answers of ~100 bytes
    const c = counting();
    const v = async () => 'v';
    await cache.answer('a', v, c.compute);
    await cache.answer('b', v, c.compute);
    await cache.answer('a', v, c.compute); // a is now the most recent
    await cache.answer('c', v, c.compute); // b goes
    expect(cache.stats().entries).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(250);
    const before = c.calls;
    await cache.answer('a', v, c.compute);
    expect(c.calls).toBe(before);
    await cache.answer('b', v, c.compute);
    expect(c.calls).toBe(before + 1);
  });

  it('keeps nothing when its size is 0', async () => {
    const cache = new VersionedAnswers(0);
    const c = counting();
    await cache.answer('k', async () => 'v', c.compute);
    await cache.answer('k', async () => 'v', c.compute);
    expect(c.calls).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 0, entries: 0, bytes: 0 });
  });
});

describe('VersionedAnswers memory', () => {
  it('drops every kept answer once a new version is read, and the idle ones on a sweep', async () => {
    const cache = new VersionedAnswers(10_000, 1_000);
    let version = 'v1';
    const v = async () => version;
    await cache.answer('a', v, async () => ({ a: 1 }));
    await cache.answer('b', v, async () => ({ b: 1 }));
    expect(cache.stats().entries).toBe(2);
    version = 'v2';
    await cache.answer('c', v, async () => ({ c: 1 }));
    expect(cache.stats()).toMatchObject({ entries: 1 });
    cache.sweepIdle(performance.now() + 500);
    expect(cache.stats().entries).toBe(1);
    cache.sweepIdle(performance.now() + 1_500);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
