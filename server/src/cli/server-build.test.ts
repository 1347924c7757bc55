import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, OUT_DIR } from '../../../scripts/server-build-state.mjs';

// `npm test` builds before the tests (scripts/check.mjs); a bare `vitest` run on a fresh clone has no build.
const built = fs.existsSync(CLI_ENTRY);
if (!built && process.env.CI === 'true') throw new Error('no server build in dist/server under CI');

describe.skipIf(!built)('the compiled server (dist/server)', () => {
  it('is ASCII only, so V8 keeps each chunk as one-byte text (half the memory of two-byte)', () => {
    const chunks = fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.mjs'));
    expect(chunks.length).toBeGreaterThan(5);
    const notAscii = chunks.filter((f) =>
      /[\u0080-\uffff]/.test(fs.readFileSync(path.join(OUT_DIR, f), 'utf8')),
    );
    expect(notAscii).toEqual([]);
  });
});
