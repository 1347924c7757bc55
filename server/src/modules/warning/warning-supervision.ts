import { type Kysely, sql } from 'kysely';
import { daysBetween } from '../../../../shared/src/dates';
import { type Severity, warningSeverity } from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';
import { addCounts, dateCond, rankCase, type Warning } from './warning.task';
import { severityCutoffs } from './warning-cutoffs';
import { severityOnly, type WarningFilter, wantsKind } from './warning-filter';

type Db = Kysely<Database>;

/** Problem items still the unit's to close: not verified, and not waiting for the 督查室. */
const PROBLEM_OPEN = ['open', 'returned'];

/**
 * Overdue supervised tasks (督办任务 in progress past the deadline) and overdue problem-list items
 * (整改 not closed by the deadline), as warnings. Neither belongs to a project, so a park, chain or
 * officer scope leaves them out (the cockpit's figures under such a scope are about projects).
 * Like the other kinds: counts by severity in SQL, and only the first `limit` of each kind read.
 */
export async function supervisionWarnings(
  db: Db,
  s: { today: string; limit: number; scoped: boolean } & WarningFilter,
): Promise<{ items: Warning[]; counts: Record<Severity, number> }> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const items: Warning[] = [];
  if (s.scoped || s.officerId) return { items, counts };

  if (wantsKind(s, 'task_overdue')) {
    const cond = dateCond('task.deadline', severityCutoffs('task_overdue', s.today, 1));
    const tq = db
      .selectFrom('task')
      .leftJoin('department', 'department.id', 'task.lead_department_id')
      .where('task.status', '=', 'in_progress')
      .where('task.deadline', '<', s.today)
      .where(severityOnly(s, cond));
    addCounts(
      counts,
      await tq
        .select([rankCase(cond).as('r'), (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(sql`1`)
        .execute(),
    );
    const rows = await tq
      .select([
        'task.id as id',
        'task.title as title',
        'task.deadline as deadline',
        'department.name as dept',
      ])
      .orderBy('task.deadline')
      .orderBy('task.id')
      .limit(s.limit)
      .execute();
    for (const r of rows) {
      const days = daysBetween(r.deadline as string, s.today);
      items.push({
        id: `task_overdue:${r.id}`,
        kind: 'task_overdue',
        severity: warningSeverity('task_overdue', days),
        days,
        reason: {
          zh: `督办任务“${r.title}”（牵头：${r.dept ?? '未定'}）期限 ${r.deadline}，已超期 ${days} 天`,
          en: `Supervised task “${r.title}” (lead: ${r.dept ?? 'none'}) was due ${r.deadline}: ${days} days overdue`,
        },
        projectId: null,
        projectName: null,
        link: `/tasks/${r.id}`,
      });
    }
  }

  if (wantsKind(s, 'problem_overdue')) {
    const cond = dateCond('problem_item.deadline', severityCutoffs('problem_overdue', s.today, 1));
    const pq = db
      .selectFrom('problem_item')
      .innerJoin('problem_list', 'problem_list.id', 'problem_item.list_id')
      .leftJoin('department', 'department.id', 'problem_item.department_id')
      .where('problem_item.close_status', 'in', PROBLEM_OPEN)
      .where('problem_item.deadline', '<', s.today)
      .where(severityOnly(s, cond));
    addCounts(
      counts,
      await pq
        .select([rankCase(cond).as('r'), (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(sql`1`)
        .execute(),
    );
    const rows = await pq
      .select([
        'problem_item.id as id',
        'problem_item.problem as problem',
        'problem_item.deadline as deadline',
        'problem_list.id as listId',
        'problem_list.title as listTitle',
        'department.name as dept',
      ])
      .orderBy('problem_item.deadline')
      .orderBy('problem_item.id')
      .limit(s.limit)
      .execute();
    for (const r of rows) {
      const days = daysBetween(r.deadline as string, s.today);
      items.push({
        id: `problem_overdue:${r.id}`,
        kind: 'problem_overdue',
        severity: warningSeverity('problem_overdue', days),
        days,
        reason: {
          zh: `问题清单“${r.listTitle}”：“${r.problem}”（责任单位：${r.dept ?? '未定'}）整改期限 ${r.deadline}，已超期 ${days} 天`,
          en: `Problem list “${r.listTitle}”: “${r.problem}” (unit: ${r.dept ?? 'none'}) was due ${r.deadline}: ${days} days overdue`,
        },
        projectId: null,
        projectName: null,
        link: `/problem-lists/${r.listId}`,
      });
    }
  }
  return { items, counts };
}
