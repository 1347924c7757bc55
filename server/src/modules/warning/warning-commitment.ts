import type { Kysely } from 'kysely';
import { commitmentBehindSeverity, MEASURE_LABELS } from '../../../../shared/src/agreement';
import { daysBetween } from '../../../../shared/src/dates';
import type { Severity } from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';
import { eachCompliance } from '../compliance/compliance.task';
import { compareWarnings, type Warning } from './warning.task';
import { type WarningFilter, wantsKind } from './warning-filter';

/**
 * 履约 warnings: each commitment behind in the last complete year — the year the cockpit's 履约
 * figure counts, so the cockpit's "behind" and this kind's total agree. Compliance is computed per
 * commitment in memory, a batch of projects at a time (compliance.task.ts): only the items behind
 * are kept, built one by one, then counted and cut.
 */
export async function commitmentWarnings(
  db: Kysely<Database>,
  s: {
    today: string;
    limit: number;
    park?: string | undefined;
    chainId?: string | undefined;
  } & WarningFilter,
): Promise<{
  items: Warning[];
  counts: Record<Severity, number>;
  /** The compliance summary's behind counts (the cockpit's 履约 figure), before the severity filter. */
  summary: { year: number; behind: number; agreementsBehind: number };
}> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const year = Number(s.today.slice(0, 4)) - 1;
  if (!wantsKind(s, 'commitment_behind'))
    return { items: [], counts, summary: { year, behind: 0, agreementsBehind: 0 } };
  const all: Warning[] = [];
  const { summary } = await eachCompliance(
    db,
    { year, today: s.today, park: s.park, chainId: s.chainId, officerId: s.officerId },
    (items) => {
      for (const i of items) {
        if (i.status !== 'behind') continue;
        const severity = commitmentBehindSeverity(i);
        if (s.severity !== undefined && s.severity !== severity) continue;
        counts[severity] += 1;
        const due = i.dueDate ?? `${i.dueYear}-12-31`;
        const label = MEASURE_LABELS[i.measure];
        all.push({
          id: `commitment_behind:${i.commitmentId}`,
          kind: 'commitment_behind',
          severity,
          days: Math.max(0, daysBetween(due, s.today)),
          reason: {
            zh: `投资协议 ${i.agreementNumber}：${year} 年“${label.zh}”未达到承诺`,
            en: `Agreement ${i.agreementNumber}: “${label.en}” behind its commitment in ${year}`,
          },
          projectId: i.projectId,
          projectName: i.projectName,
          link: `/projects/${i.projectId}`,
        });
      }
    },
  );
  return {
    items: all.sort(compareWarnings).slice(0, s.limit),
    counts,
    summary: { year, behind: summary.behind, agreementsBehind: summary.agreementsBehind },
  };
}
