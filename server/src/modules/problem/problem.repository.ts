import type { Kysely, Transaction } from 'kysely';
import type { Database, ProblemItemTable, ProblemListTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export type ProblemItemRow = ProblemItemTable & { department_name: string | null };

/** Lists in scope (a department: those with an item of its own), newest first. */
export async function listProblemLists(
  db: Q,
  f: { departmentId?: string | undefined; q?: string | undefined; limit: number; offset: number },
): Promise<{ rows: ProblemListTable[]; total: number }> {
  let q = db.selectFrom('problem_list').selectAll();
  if (f.departmentId) {
    q = q.where(
      'id',
      'in',
      db.selectFrom('problem_item').select('list_id').where('department_id', '=', f.departmentId),
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'like', like), eb('code', 'like', like)]));
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await q
    .orderBy('issued_date', 'desc')
    .orderBy('code', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export function findProblemList(db: Q, id: string) {
  return db.selectFrom('problem_list').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listItems(db: Q, listIds: string[]): Promise<ProblemItemRow[]> {
  if (listIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('problem_item')
    .leftJoin('department', 'department.id', 'problem_item.department_id')
    .selectAll('problem_item')
    .select('department.name as department_name')
    .where('problem_item.list_id', 'in', listIds)
    .orderBy('problem_item.position')
    .execute();
}

export function findItem(db: Q, listId: string, itemId: string) {
  return db
    .selectFrom('problem_item')
    .selectAll()
    .where('id', '=', itemId)
    .where('list_id', '=', listId)
    .executeTakeFirst();
}

export async function insertList(db: Q, row: ProblemListTable) {
  await db.insertInto('problem_list').values(row).execute();
}

export async function insertItems(db: Q, rows: ProblemItemTable[]) {
  if (rows.length > 0) await db.insertInto('problem_item').values(rows).execute();
}

export async function updateItemVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<ProblemItemTable>,
) {
  const res = await db
    .updateTable('problem_item')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
