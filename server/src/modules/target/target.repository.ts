import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { TargetUnitType } from '../../../../shared/src/dispatch';
import type { Database, TargetTable } from '../../db/database';
import { chainChoices } from '../scope/project-scope';

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
  const chains = await chainChoices(db);
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

/** One metric's target of a unit for a year (none: the unit has no target for it). */
export function findTarget(
  db: Q,
  unit: { year: number; unitType: TargetUnitType; unitKey: string },
  metric: string,
) {
  return db
    .selectFrom('target')
    .selectAll()
    .where('year', '=', unit.year)
    .where('unit_type', '=', unit.unitType)
    .where('unit_key', '=', unit.unitKey)
    .where('metric', '=', metric)
    .executeTakeFirst();
}

export async function insertTarget(db: Q, row: Insertable<TargetTable>): Promise<void> {
  await db.insertInto('target').values(row).execute();
}

export async function updateTarget(db: Q, id: string, patch: Updateable<TargetTable>): Promise<void> {
  await db.updateTable('target').set(patch).where('id', '=', id).execute();
}

export async function deleteTargetRows(db: Q, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('target').where('id', 'in', ids).execute();
}

/** Every target of a year (the targets page and its figures, a read task). */
export function targetsOfYear(db: Q, year: number) {
  return db.selectFrom('target').selectAll().where('year', '=', year).execute();
}

/**
 * The cockpit's annual targets of one unit (the zone, a park or a chain): the two metrics it shows
 * beside its figures.
 */
export function cockpitTargetRows(db: Q, year: number, unitType: string, unitKey: string | null) {
  let q = db
    .selectFrom('target')
    .select(['metric', 'value'])
    .where('year', '=', year)
    .where('unit_type', '=', unitType)
    .where('metric', 'in', ['investment_signed', 'funds_in_place']);
  if (unitKey) q = q.where('unit_key', '=', unitKey);
  return q.execute();
}

/** Every project with what a target counts it by: park, officer, chain, investment, dates. */
export function targetProjectRows(db: Q) {
  const first = db
    .selectFrom('project_stage_event')
    .select(['project_id', (eb) => eb.fn.min<string>('date').as('signed_date')])
    .groupBy('project_id')
    .as('f');
  return db
    .selectFrom('project')
    .leftJoin(first, 'f.project_id', 'project.id')
    .leftJoin('chain_link', 'chain_link.id', 'project.link_id')
    .select([
      'project.id as id',
      'project.park as park',
      'project.officer_id as officer_id',
      'chain_link.chain_id as chain_id',
      'project.total_investment as inv',
      'project.start_date as start_date',
      'f.signed_date as signed_date',
    ])
    .execute();
}

/** Per project, the round reports' sums over the periods ending within [from, to]. */
export function reportedSumsByProject(db: Q, from: string, to: string) {
  return db
    .selectFrom('round_report')
    .innerJoin('round', 'round.id', 'round_report.round_id')
    .select([
      'round_report.project_id as project_id',
      (eb) => eb.fn.sum<number>('round_report.funds_period').as('funds'),
      // 固定资产投资 counts only what the report says is in the statistics (入统).
      (eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('round_report.investment_in_stats', '=', 1)
              .then(eb.ref('round_report.investment_period'))
              .else(0)
              .end(),
          )
          .as('fai'),
      (eb) => eb.fn.sum<number>('round_report.exports_period').as('exp'),
    ])
    .where('round.period_end', '>=', from)
    .where('round.period_end', '<=', to)
    .groupBy('round_report.project_id')
    .execute();
}
