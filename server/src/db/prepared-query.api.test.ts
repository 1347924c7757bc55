import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDb, SKIP_DB } from '../test/test-db';
import type { Db } from './connect';
import { preparedQuery } from './prepared-query';

/** Queries compiled once and run with new values (issue 19): the same rows as Kysely builds afresh. */
describe.skipIf(SKIP_DB)('preparedQuery', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createDemoTestDb();
  });
  afterAll(async () => db.close());

  const usersNamed = preparedQuery((k, p: { names: readonly string[]; role: string }) =>
    k
      .selectFrom('app_user')
      .select(['username', 'role'])
      .where('username', 'in', p.names)
      .where('role', '=', p.role)
      .orderBy('username'),
  );
  const direct = (names: readonly string[], role: string) =>
    db.kysely
      .selectFrom('app_user')
      .select(['username', 'role'])
      .where('username', 'in', names)
      .where('role', '=', role)
      .orderBy('username')
      .execute();

  it('answers each call with its own values, for lists of any length, as Kysely does', async () => {
    const all = await db.kysely.selectFrom('app_user').select(['username', 'role']).execute();
    expect(all.length).toBeGreaterThan(2);
    for (const u of all) {
      expect(await usersNamed(db.kysely, { names: [u.username], role: u.role })).toEqual([u]);
    }
    const names = all.map((u) => u.username);
    for (const role of new Set(all.map((u) => u.role))) {
      for (const n of [1, 2, names.length]) {
        const got = await usersNamed(db.kysely, { names: names.slice(0, n), role });
        expect(got).toEqual(await direct(names.slice(0, n), role));
      }
    }
    expect(await usersNamed(db.kysely, { names: ['nobody'], role: 'admin' })).toEqual([]);
  });

  it('runs inside a transaction and sees its writes', async () => {
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('app_user').set({ role: 'viewer' }).where('username', '=', 'officer').execute();
        expect(await usersNamed(trx, { names: ['officer'], role: 'viewer' })).toEqual([
          { username: 'officer', role: 'viewer' },
        ]);
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
    expect(await usersNamed(db.kysely, { names: ['officer'], role: 'viewer' })).toEqual([]);
  });

  it('refuses a query that computes with a value instead of binding it', async () => {
    const computed = preparedQuery((k, p: { q: string }) =>
      k.selectFrom('app_user').select('username').where('username', 'like', `%${p.q}%`),
    );
    await expect(computed(db.kysely, { q: 'off' })).rejects.toThrow(/changed before it was bound/);
    const unused = preparedQuery((k, _p: { q: string }) => k.selectFrom('app_user').select('username'));
    await expect(unused(db.kysely, { q: 'off' })).rejects.toThrow(/not a bound parameter/);
  });
});
