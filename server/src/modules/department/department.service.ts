import type { Kysely, Transaction } from 'kysely';
import type {
  Department,
  HeadCandidate,
  SetDepartmentHeadBody,
} from '../../../../shared/src/contract/account';
import type { Database, DepartmentTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { headIsActive, mayHead } from './department.policy';
import { auditableHead, presentDepartment } from './department.presenter';
import * as repo from './department.repository';

type Q = Kysely<Database> | Transaction<Database>;

/** The zone's departments (部门), each with its head (负责人) as imported text and as a user. */
export async function listDepartmentRecords(
  ctx: ServiceContext,
): Promise<{ items: Department[]; total: number }> {
  requireActor(ctx);
  const rows = await repo.listDepartments(ctx.db.kysely);
  return { items: rows.map(presentDepartment), total: rows.length };
}

/** The accounts an admin may pick as the head of department `id` (department.policy.ts). */
export async function listHeadCandidates(
  ctx: ServiceContext,
  id: string,
): Promise<{ items: HeadCandidate[] }> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  if (!(await repo.findDepartment(db, id))) throw errors.notFound('department');
  const rows = await repo.headCandidates(db, id);
  return {
    items: rows.map((u) => ({
      id: u.id,
      displayName: u.display_name,
      role: u.role === 'leader' ? ('leader' as const) : ('department' as const),
    })),
  };
}

const notCandidate = () =>
  errors.validation([
    {
      path: 'headUserId',
      message: {
        zh: '负责人须为本部门的部门用户或领导，且账号未停用',
        en: 'The head must be an active department user of this unit or a leader',
      },
    },
  ]);

/**
 * Sets or unlinks the head user of a department (audited). The imported head text stays as it is:
 * it is what was on record before anyone picked a user, and nobody asked to clear it.
 */
export async function setDepartmentHead(
  ctx: ServiceContext,
  id: string,
  body: SetDepartmentHeadBody,
): Promise<Department> {
  requireActor(ctx);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findDepartment(trx, id);
    if (!before) throw errors.notFound('department');
    let headName: string | null = null;
    if (body.headUserId !== null) {
      const user = await repo.findAccount(trx, body.headUserId);
      if (!user || !mayHead(user, id)) throw notCandidate();
      headName = user.display_name;
    }
    if (Number(before.version) !== body.version) throw errors.stale();
    const n = await repo.updateHead(trx, id, body.headUserId, body.version);
    if (n === 0) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'department',
      entityId: id,
      action: 'department.head',
      before: auditableHead(before, before.head_user_id, before.head_user_name),
      after: auditableHead(before, body.headUserId, headName),
    });
    const after = await repo.findDepartment(trx, id);
    return presentDepartment(after as repo.DepartmentRow);
  });
}

// ——— For other areas (they call these, never the repository) ———

/** True when every id in `ids` names a department. */
export async function departmentsExist(db: Q, ids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  return (await repo.existingDepartmentIds(db, unique)).length === unique.length;
}

/** Id and name of one department, or undefined. */
export async function findDepartmentName(
  db: Q,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const d = await repo.findDepartment(db, id);
  return d ? { id: d.id, name: d.name } : undefined;
}

/** Department names by id. */
export async function departmentNameMap(db: Q): Promise<Map<string, string>> {
  return new Map((await repo.departmentNames(db)).map((d) => [d.id, d.name]));
}

/** Department ids by code (D01 …). */
export async function departmentIdsByCode(db: Q): Promise<Map<string, string>> {
  return new Map((await repo.departmentCodes(db)).map((d) => [d.code, d.id]));
}

/** Adds departments (setup and demo data); with `skipExisting`, codes already there are kept. */
export function addDepartments(
  db: Q,
  rows: Omit<DepartmentTable, 'version'>[],
  opts: { skipExisting?: boolean } = {},
): Promise<void> {
  return repo.insertDepartments(db, rows, opts.skipExisting ?? false);
}

/** Links the head user of a department without an actor (demo data; the admin uses setDepartmentHead). */
export async function linkHeadForSetup(db: Q, departmentId: string, userId: string): Promise<void> {
  const d = await repo.findDepartment(db, departmentId);
  if (d) await repo.updateHead(db, departmentId, userId, Number(d.version));
}

/** Who heads a department now, as the escalation sweep needs it. */
export interface DepartmentHead {
  name: string;
  /** The head user, when one is linked and still may head the unit (department.policy.ts). */
  user: { id: string; displayName: string } | null;
  /** The imported head text (shown where no user is linked). */
  headText: string | null;
}

export async function departmentHead(db: Q, id: string | null): Promise<DepartmentHead | null> {
  if (!id) return null;
  const d = await repo.findDepartment(db, id);
  if (!d) return null;
  return {
    name: d.name,
    user:
      headIsActive(d) && d.head_user_id ? { id: d.head_user_id, displayName: d.head_user_name ?? '' } : null,
    headText: d.head_name,
  };
}
