import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdServerLock, tryExclusiveLock } from './server-lock';

describe('server lock of a SQLite data folder', () => {
  it('is shared between servers and refused to a restore while any holds it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-lock-'));
    const first = holdServerLock(dir);
    const second = holdServerLock(dir);
    expect(tryExclusiveLock(dir)).toBeNull();
    first.release();
    expect(tryExclusiveLock(dir)).toBeNull();
    second.release();
    const restore = tryExclusiveLock(dir);
    expect(restore).not.toBeNull();
    restore?.release();
    // A lock file left behind is only a file: it holds nothing once its holders are gone.
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(true);
    const again = tryExclusiveLock(dir);
    expect(again).not.toBeNull();
    again?.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
