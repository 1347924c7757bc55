import type { Kysely, Transaction } from 'kysely';
import type { Database, DepartmentTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** A department with its head user's name and standing (null when no user is linked). */
export type DepartmentRow = Pick<
  DepartmentTable,
  'id' | 'code' | 'name' | 'name_en' | 'head_name' | 'head_user_id'
> & {
  version: number;
  head_user_name: string | null;
  head_user_role: string | null;
  head_user_department_id: string | null;
  head_user_disabled: number | null;
};

function withHead(db: Q) {
  return db
    .selectFrom('department')
    .leftJoin('app_user as head', 'head.id', 'department.head_user_id')
    .select([
      'department.id',
      'department.code',
      'department.name',
      'department.name_en',
      'department.head_name',
      'department.head_user_id',
      'department.version',
      'head.display_name as head_user_name',
      'head.role as head_user_role',
      'head.department_id as head_user_department_id',
      'head.disabled as head_user_disabled',
    ]);
}

/** All departments by code, each with its head user. */
export function listDepartments(db: Q): Promise<DepartmentRow[]> {
  return withHead(db).orderBy('department.code').execute();
}

/** One department with its head user. */
export function findDepartment(db: Q, id: string): Promise<DepartmentRow | undefined> {
  return withHead(db).where('department.id', '=', id).executeTakeFirst();
}

/** The ids among `ids` that name a department. */
export async function existingDepartmentIds(db: Q, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('department')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Id and name of every department (for labels on timelines). */
export function departmentNames(db: Q): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('department').select(['id', 'name']).execute();
}

/** Id by code (D01 …) of every department. */
export function departmentCodes(db: Q): Promise<{ id: string; code: string }[]> {
  return db.selectFrom('department').select(['id', 'code']).execute();
}

/** Inserts departments; with `skipExisting`, a code already present is left as it is. */
export async function insertDepartments(
  db: Q,
  rows: Omit<DepartmentTable, 'version'>[],
  skipExisting = false,
): Promise<void> {
  if (rows.length === 0) return;
  const q = db.insertInto('department').values(rows);
  await (skipExisting ? q.onConflict((oc) => oc.column('code').doNothing()) : q).execute();
}

/** Sets the head user at `version`; answers how many rows changed (0: stale or gone). */
export async function updateHead(db: Q, id: string, headUserId: string | null, version: number) {
  const res = await db
    .updateTable('department')
    .set({ head_user_id: headUserId, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Active accounts that may head department `id`: its department users and the zone's leaders. */
export function headCandidates(db: Q, id: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role', 'department_id', 'disabled'])
    .where('disabled', '=', 0)
    .where((eb) =>
      eb.or([
        eb.and([eb('role', '=', 'department'), eb('department_id', '=', id)]),
        eb('role', '=', 'leader'),
      ]),
    )
    .orderBy('role')
    .orderBy('display_name')
    .execute();
}

/** One account as the head check needs it. */
export function findAccount(db: Q, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role', 'department_id', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
