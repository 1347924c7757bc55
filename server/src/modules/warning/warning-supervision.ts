import type { Kysely } from 'kysely';
import { daysBetween } from '../../../../shared/src/dates';
import { type Severity, warningSeverity } from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';
import { addCounts, type Warning } from './warning.task';
import { severityCutoffs } from './warning-cutoffs';
import { type WarningFilter, wantsKind } from './warning-filter';
import {
  firstOverdueProblems,
  firstOverdueTasks,
  overdueProblemCounts,
  overdueTaskCounts,
} from './warning-supervision.repository';

type Db = Kysely<Database>;

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
    const cut = severityCutoffs('task_overdue', s.today, 1);
    addCounts(counts, await overdueTaskCounts(db, s, cut));
    const rows = await firstOverdueTasks(db, s, cut, s.limit);
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
    const cut = severityCutoffs('problem_overdue', s.today, 1);
    addCounts(counts, await overdueProblemCounts(db, s, cut));
    const rows = await firstOverdueProblems(db, s, cut, s.limit);
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
