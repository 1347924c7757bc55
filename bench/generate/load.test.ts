import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteTarget } from './load';

/**
 * The SQLite bulk load of a big table turns its counting triggers off (as PostgreSQL's load skips
 * triggers; the bench recounts after) and keeps the search index's triggers; both are back after.
 */
describe('sqliteTarget load', () => {
  function db() {
    const raw = new Database(':memory:');
    raw.exec(`
      create table bench_meta (table_name text primary key, fingerprint text, rows integer, seconds real, at text);
      create table item (id integer primary key, v text);
      create index item_v_idx on item (v);
      create table fired (kind text);
      create trigger item_rollup_ai after insert on item begin insert into fired values ('count'); end;
      create trigger item_fts_ai after insert on item begin insert into fired values ('fts'); end;
    `);
    return raw;
  }
  const fired = (raw: Database.Database) =>
    (raw.prepare('select kind from fired').all() as { kind: string }[]).map((r) => r.kind);
  const schema = (raw: Database.Database) =>
    (
      raw.prepare("select name from sqlite_master where tbl_name = 'item' order by name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);

  it('loads a big table with its counting triggers off and puts them and its indexes back', async () => {
    const raw = db();
    const before = schema(raw);
    const n = await sqliteTarget(raw).load(
      'item',
      ['id', 'v'],
      [
        [1, 'a'],
        [2, 'b'],
      ],
      1_000_000,
    );
    expect(n).toBe(2);
    expect(fired(raw)).toEqual(['fts', 'fts']);
    expect(schema(raw)).toEqual(before);
    raw.prepare('insert into item (id, v) values (3, ?)').run('c');
    expect(fired(raw).slice(2).sort()).toEqual(['count', 'fts']);
  });

  it('keeps every trigger on for a small table', async () => {
    const raw = db();
    await sqliteTarget(raw).load('item', ['id', 'v'], [[1, 'a']], 10);
    expect(fired(raw).sort()).toEqual(['count', 'fts']);
  });
});
