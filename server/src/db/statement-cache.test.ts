import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachedStatements } from './statement-cache';

describe('SQLite statement cache', () => {
  it('prepares a text once and keeps the most recently used texts', () => {
    const raw = new SQLite(':memory:');
    const db = cachedStatements(raw, 2);
    const a = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 2');
    db.prepare('select 1'); // now the most recent: `select 2` is the one pushed out next
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(b);
    db.close();
    expect(raw.open).toBe(false);
  });
});
