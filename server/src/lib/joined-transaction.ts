import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/database';

/**
 * A `Db` whose `kysely` is an open transaction, and whose `.transaction().execute(fn)` runs `fn` in
 * that same transaction instead of opening a new one (Kysely refuses nested transactions).
 *
 * Why: several validated service calls (create a firm, create a lead, move a stage …) must commit
 * or fail together, and each service opens its own transaction for its own writes. Passing them
 * this `Db` makes every one of them join the caller's transaction, so the caller gets
 * all-or-nothing without a second copy of the services' rules (docs/decisions/intake-apply.md).
 * Reads the services make go through the transaction too, so each call sees the earlier ones.
 */
export function joinedDb(db: Db, trx: Transaction<Database>): Db {
  const builder = {
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>): Promise<T> => fn(trx),
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
  };
  const kysely = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      const value = Reflect.get(target, prop, target);
      // Kysely's classes keep private fields: methods must run with the real object as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<Database>;
  return { ...db, kysely };
}
