import type { Kysely, Transaction } from 'kysely';
import type { TargetUnitType } from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export interface UnitOption {
  unitType: TargetUnitType;
  unitKey: string;
  unitName: string;
}

/**
 * The units a target can be set for: the zone; the parks named on projects (or already holding a
 * target); the officers (an officer's team is the projects they lead); the chains.
 */
export async function unitOptions(db: Q): Promise<UnitOption[]> {
  const zone = await db.selectFrom('zone').select(['id', 'name']).execute();
  const parks = await db
    .selectFrom('project')
    .select('park')
    .distinct()
    .where('park', 'is not', null)
    .where('park', '!=', '')
    .execute();
  const targetParks = await db
    .selectFrom('target')
    .select('unit_key')
    .distinct()
    .where('unit_type', '=', 'park')
    .execute();
  const officers = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('role', '=', 'officer')
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .execute();
  const chains = await db
    .selectFrom('chain')
    .select(['id', 'name'])
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const parkNames = [
    ...new Set([...parks.map((p) => p.park as string), ...targetParks.map((p) => p.unit_key)]),
  ].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [
    ...zone.map((z) => ({ unitType: 'zone' as const, unitKey: z.id, unitName: z.name })),
    ...parkNames.map((p) => ({ unitType: 'park' as const, unitKey: p, unitName: p })),
    ...officers.map((o) => ({ unitType: 'team' as const, unitKey: o.id, unitName: o.display_name })),
    ...chains.map((c) => ({ unitType: 'chain' as const, unitKey: c.id, unitName: c.name })),
  ];
}

/** The name of a zone, officer or chain unit; null when the key names none. Parks are free names. */
export async function unitNameOf(db: Q, type: TargetUnitType, key: string): Promise<string | null> {
  if (type === 'park') return key;
  if (type === 'zone') {
    return (
      (await db.selectFrom('zone').select('name').where('id', '=', key).executeTakeFirst())?.name ?? null
    );
  }
  if (type === 'team') {
    const u = await db
      .selectFrom('app_user')
      .select('display_name')
      .where('id', '=', key)
      .where('role', '=', 'officer')
      .executeTakeFirst();
    return u?.display_name ?? null;
  }
  return (await db.selectFrom('chain').select('name').where('id', '=', key).executeTakeFirst())?.name ?? null;
}

export function targetRowsOf(db: Q, year: number, type: TargetUnitType, key: string) {
  return db
    .selectFrom('target')
    .selectAll()
    .where('year', '=', year)
    .where('unit_type', '=', type)
    .where('unit_key', '=', key)
    .execute();
}
