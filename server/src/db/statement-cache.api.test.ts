import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDb, SKIP_DB, TEST_DB_KIND } from '../test/test-db';
import type { Db } from './connect';

/** The statement cache under Kysely (issue 19): results unchanged, and statements really reused. */
describe.skipIf(SKIP_DB)('prepared statements under Kysely', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createDemoTestDb();
  });
  afterAll(async () => db.close());

  const usernameOf = (name: string) =>
    db.kysely.selectFrom('app_user').select('username').where('username', '=', name).executeTakeFirst();

  it('answers a repeated query with each call’s own parameters', async () => {
    expect(await usernameOf('leader')).toEqual({ username: 'leader' });
    expect(await usernameOf('officer')).toEqual({ username: 'officer' });
    expect(await usernameOf('nobody')).toBeUndefined();
  });

  it.skipIf(TEST_DB_KIND !== 'postgres')(
    'runs a parametrised query as a named statement on PostgreSQL',
    async () => {
      const names = await db.kysely.transaction().execute(async (trx) => {
        await trx.selectFrom('app_user').select('username').where('username', '=', 'leader').execute();
        const { rows } = await sql<{
          name: string;
        }>`select name from pg_prepared_statements where statement like ${'%from "app_user" where "username" = $1'}`.execute(
          trx,
        );
        return rows.map((r) => r.name);
      });
      expect(names.length).toBe(1);
      expect(names[0]).toMatch(/^lz\d+$/);
    },
  );
});
