import { type Kysely, sql, type Transaction } from 'kysely';
import type { RequestOverview } from '../../../../shared/src/contract/request';
import { REQUEST_WORKING_STATUSES, type RequestType } from '../../../../shared/src/request-status';
import type { Database, FactorRequestTable, RequestEventTable } from '../../db/database';
import { chainLinkIds } from '../scope/project-scope';

type Q = Kysely<Database> | Transaction<Database>;

export type RequestRow = FactorRequestTable & {
  project_name: string | null;
  project_leader_name: string | null;
  project_officer_id: string | null;
  firm_name: string;
  department_name: string | null;
  department_head: string | null;
};

function base(db: Q) {
  return db
    .selectFrom('factor_request')
    .leftJoin('project', 'project.id', 'factor_request.project_id')
    .innerJoin('firm', 'firm.id', 'factor_request.firm_id')
    .leftJoin('department', 'department.id', 'factor_request.department_id')
    .selectAll('factor_request')
    .select([
      'project.name as project_name',
      'project.leader_name as project_leader_name',
      'project.officer_id as project_officer_id',
      'firm.name as firm_name',
      'department.name as department_name',
      'department.head_name as department_head',
    ]);
}

export function findRequestById(db: Q, id: string): Promise<RequestRow | undefined> {
  return base(db).where('factor_request.id', '=', id).executeTakeFirst();
}

export interface RequestListFilter {
  q?: string | undefined;
  status?: string[] | undefined;
  type?: string | undefined;
  departmentId?: string | undefined;
  /** Not yet assigned to a department (the cockpit's "—" row). */
  unassigned?: boolean | undefined;
  firmId?: string | undefined;
  projectId?: string | undefined;
  /** The project's park / chain (through its chain link): the cockpit's park and chain filters. */
  park?: string | undefined;
  chainId?: string | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  isSample?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Scope from the policy: a department sees its own queue, an enterprise its firm's requests. */
export type RequestScope =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'firm'; firmId: string };

const WORKING = [...REQUEST_WORKING_STATUSES] as string[];

/**
 * The list and the department queue: overdue first (a department holds it and the deadline has
 * passed), then by deadline (requests without one last), then newest first.
 */
export async function listRequests(
  db: Q,
  scope: RequestScope,
  f: RequestListFilter,
  today: string,
): Promise<{ rows: RequestRow[]; total: number }> {
  let q = base(db);
  if (scope.kind === 'department') q = q.where('factor_request.department_id', '=', scope.departmentId);
  if (scope.kind === 'firm') q = q.where('factor_request.firm_id', '=', scope.firmId);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('factor_request.title', 'like', like),
        eb('factor_request.code', 'like', like),
        eb('firm.name', 'like', like),
        eb('project.name', 'like', like),
      ]),
    );
  }
  if (f.status && f.status.length > 0) q = q.where('factor_request.status', 'in', f.status);
  if (f.open) q = q.where('factor_request.status', '!=', 'confirmed');
  if (f.type) q = q.where('factor_request.type', '=', f.type);
  if (f.departmentId) q = q.where('factor_request.department_id', '=', f.departmentId);
  if (f.firmId) q = q.where('factor_request.firm_id', '=', f.firmId);
  if (f.projectId) q = q.where('factor_request.project_id', '=', f.projectId);
  if (f.unassigned) q = q.where('factor_request.department_id', 'is', null);
  if (f.park) q = q.where('project.park', '=', f.park);
  if (f.chainId) q = q.where('project.link_id', 'in', chainLinkIds(db, f.chainId));
  if (f.isSample !== undefined) q = q.where('factor_request.is_sample', '=', f.isSample ? 1 : 0);
  if (f.overdue) {
    q = q.where('factor_request.status', 'in', WORKING).where('factor_request.deadline', '<', today);
  }
  const totalRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const overdueFirst = sql<number>`case when ${sql.ref('factor_request.status')} in (${sql.join(WORKING)}) and ${sql.ref('factor_request.deadline')} < ${today} then 0 else 1 end`;
  const noDeadlineLast = sql<number>`case when ${sql.ref('factor_request.deadline')} is null then 1 else 0 end`;
  const rows = await q
    .orderBy(overdueFirst)
    .orderBy(noDeadlineLast)
    .orderBy('factor_request.deadline')
    .orderBy('factor_request.created_at', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function insertRequest(db: Q, row: FactorRequestTable): Promise<void> {
  await db.insertInto('factor_request').values(row).execute();
}

/** Optimistic concurrency: changes the row only if it is still at `version`. */
export async function updateRequestVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<FactorRequestTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('factor_request')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertEvent(db: Q, row: RequestEventTable): Promise<void> {
  await db.insertInto('request_event').values(row).execute();
}

export function listEvents(db: Q, requestId: string) {
  return db
    .selectFrom('request_event')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function listEscalations(db: Q, entity: string, entityId: string) {
  return db
    .selectFrom('escalation')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
}

/** Running requests past their deadline: what the escalation sweep looks at. */
export function listOverdueWorking(db: Q, today: string) {
  return base(db)
    .where('factor_request.status', 'in', WORKING)
    .where('factor_request.deadline', '<', today)
    .execute();
}

/**
 * The leader's view: open requests by department and by type with overdue counts and the average
 * days from assignment to resolution. Counts are grouped in SQL; the averages are taken over the
 * resolved rows' two timestamps here, which keeps date arithmetic out of dialect-specific SQL.
 * Registered as a read task (request.read-tasks.ts): it scans every request.
 */
export async function requestOverview(db: Kysely<Database>, p: { today: string }): Promise<RequestOverview> {
  const openStatuses = ['submitted', ...WORKING, 'rejected'];
  const grouped = await db
    .selectFrom('factor_request')
    .leftJoin('department', 'department.id', 'factor_request.department_id')
    .select([
      'factor_request.department_id as department_id',
      'department.name as department_name',
      'factor_request.type as type',
      'factor_request.status as status',
      sql<number>`case when ${sql.ref('factor_request.status')} in (${sql.join(WORKING)}) and ${sql.ref('factor_request.deadline')} < ${p.today} then 1 else 0 end`.as(
        'late',
      ),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([
      'factor_request.department_id',
      'department.name',
      'factor_request.type',
      'factor_request.status',
      'late',
    ])
    .execute();
  const resolved = await db
    .selectFrom('factor_request')
    .select(['department_id', 'type', 'assigned_at', 'resolved_at'])
    .where('resolved_at', 'is not', null)
    .where('assigned_at', 'is not', null)
    .where('status', 'in', ['resolved', 'confirmed'])
    .execute();

  type Acc = { open: number; overdue: number; resolved: number; days: number; counted: number };
  const empty = (): Acc => ({ open: 0, overdue: 0, resolved: 0, days: 0, counted: 0 });
  const byDept = new Map<string, Acc & { name: string | null; id: string | null }>();
  const byType = new Map<string, Acc>();
  const total = { ...empty(), unassigned: 0 };
  for (const g of grouped) {
    const n = Number(g.n);
    const key = g.department_id ?? '';
    const d = byDept.get(key) ?? { ...empty(), name: g.department_name, id: g.department_id };
    const t = byType.get(g.type) ?? empty();
    for (const acc of [d, t, total]) {
      if (openStatuses.includes(g.status)) acc.open += n;
      if (Number(g.late) === 1) acc.overdue += n;
      if (g.status === 'resolved' || g.status === 'confirmed') acc.resolved += n;
    }
    if (g.status === 'submitted') total.unassigned += n;
    byDept.set(key, d);
    byType.set(g.type, t);
  }
  for (const r of resolved) {
    const days = (Date.parse(r.resolved_at as string) - Date.parse(r.assigned_at as string)) / 86_400_000;
    if (!Number.isFinite(days)) continue;
    for (const acc of [byDept.get(r.department_id ?? ''), byType.get(r.type), total]) {
      if (!acc) continue;
      acc.days += days;
      acc.counted += 1;
    }
  }
  const avg = (a: Acc) => (a.counted > 0 ? Math.round((a.days / a.counted) * 10) / 10 : null);
  return {
    byDepartment: [...byDept.values()]
      .map((d) => ({
        departmentId: d.id,
        departmentName: d.name,
        open: d.open,
        overdue: d.overdue,
        resolved: d.resolved,
        avgResolutionDays: avg(d),
      }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    byType: [...byType.entries()]
      .map(([type, a]) => ({
        // Written only through the enum-checked create route (and the demo seed).
        type: type as RequestType,
        open: a.open,
        overdue: a.overdue,
        resolved: a.resolved,
        avgResolutionDays: avg(a),
      }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    totals: {
      open: total.open,
      overdue: total.overdue,
      unassigned: total.unassigned,
      resolved: total.resolved,
      avgResolutionDays: avg(total),
    },
  };
}
