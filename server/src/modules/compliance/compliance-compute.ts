import {
  type ActualSource,
  type CommitmentMeasure,
  DEADLINE_STAGE,
  isDeadline,
} from '../../../../shared/src/agreement';
import type { Compliance, ComplianceItem } from '../../../../shared/src/contract/agreement';
import { daysBetween } from '../../../../shared/src/dates';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import { type FigureRow, groupFigures } from '../actual/actual-figures';

/**
 * 履约考核: each commitment in force against the figures (pure; compliance.task.ts loads the rows).
 * For year Y:
 * - output, tax, jobs: the year's figure (the annual one; else the months reported, summed);
 * - total and fixed-asset investment: cumulative, every year's figure up to Y added;
 * - land: the latest figure up to Y, else the project's land area;
 * - intensity = cumulative fixed-asset investment ÷ land; tax and output per mu = the year's ÷ land;
 * - deadlines: the date the project first reached the stage (or a later one) against the due date.
 * Not due: due after Y, or due in Y while Y is not over and no annual figure is in yet.
 */
export interface CommitmentFact {
  commitmentId: string;
  agreementId: string;
  agreementNumber: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  projectLandMu: number | null;
  isSample: boolean;
  measure: CommitmentMeasure;
  value: number | null;
  dueYear: number;
  dueDate: string | null;
}

export interface FigureFact extends FigureRow {
  project_id: string | null;
  firm_id: string | null;
}

export interface StageFact {
  projectId: string;
  toStage: string;
  date: string;
}

const ORDER = new Map(PROJECT_STAGES.map((s) => [s.key as string, s.order]));

/**
 * The stage moves a deadline can be met by: the earliest deadline stage (开工) and every active stage
 * after it, since a project that reached a later stage has passed the earlier ones too.
 */
export const DEADLINE_EVENT_STAGES: readonly string[] = (() => {
  const first = Math.min(...Object.values(DEADLINE_STAGE).map((stage) => ORDER.get(stage) ?? 99));
  return PROJECT_STAGES.filter((s) => s.order !== null && s.order >= first).map((s) => s.key);
})();

interface Measured {
  value: number | null;
  source: ActualSource | null;
  conflict: boolean;
  final: boolean;
}

const NONE: Measured = { value: null, source: null, conflict: false, final: false };

/**
 * The figures of one project, grouped once and indexed by measure and year, so each value read
 * touches only the years that have figures (a zone reads 40,000 commitments in one request).
 */
class ProjectFigures {
  private readonly byMeasure = new Map<string, Map<number, Measured>>();
  private readonly years = new Map<string, number[]>();
  constructor(rows: readonly FigureFact[]) {
    const annual = new Map<string, Measured>();
    const monthly = new Map<string, Measured>();
    // Months in order, so a year without its annual figure sums them as before.
    const groups = [...groupFigures(rows).values()].sort((a, b) =>
      a.counted.period < b.counted.period ? -1 : a.counted.period > b.counted.period ? 1 : 0,
    );
    for (const g of groups) {
      const r = g.counted;
      const key = `${r.measure}|${r.year}`;
      if (r.period === 'Y') {
        annual.set(key, {
          value: Number(r.value),
          source: r.source as ActualSource,
          conflict: g.conflict,
          final: true,
        });
        continue;
      }
      const had = monthly.get(key);
      monthly.set(key, {
        value: (had?.value ?? 0) + Number(r.value),
        source: r.source as ActualSource,
        conflict: (had?.conflict ?? false) || g.conflict,
        final: false,
      });
    }
    for (const [key, m] of [...monthly, ...annual]) {
      const [measure, y] = key.split('|') as [string, string];
      const perYear = this.byMeasure.get(measure) ?? new Map<number, Measured>();
      perYear.set(Number(y), m);
      this.byMeasure.set(measure, perYear);
    }
    for (const [measure, perYear] of this.byMeasure) {
      this.years.set(
        measure,
        [...perYear.keys()].sort((x, y) => x - y),
      );
    }
  }
  /** A year's figure: the annual one, else the months summed (final only when annual). */
  year(measure: string, y: number): Measured {
    return this.byMeasure.get(measure)?.get(y) ?? NONE;
  }
  cumulative(measure: string, y: number, firstYear: number): Measured {
    let out: Measured = NONE;
    for (const yr of this.years.get(measure) ?? []) {
      if (yr < firstYear || yr > y) continue;
      const one = this.year(measure, yr);
      if (one.value === null) continue;
      out = {
        value: (out.value ?? 0) + one.value,
        source: one.source,
        conflict: out.conflict || one.conflict,
        final: yr === y ? one.final : out.final,
      };
    }
    return out;
  }
  latest(measure: string, y: number, firstYear: number): Measured {
    const years = this.years.get(measure) ?? [];
    for (let i = years.length - 1; i >= 0; i--) {
      const yr = years[i] as number;
      if (yr > y) continue;
      if (yr < firstYear) break;
      const one = this.year(measure, yr);
      if (one.value !== null) return { ...one, final: true };
    }
    return NONE;
  }
}

function perMu(num: Measured, land: Measured): Measured {
  if (num.value === null || land.value === null || land.value <= 0) return NONE;
  return { ...num, value: num.value / land.value, conflict: num.conflict || land.conflict };
}

const REASONS = {
  met: { zh: '已达到承诺', en: 'Commitment met' },
  behind: { zh: '未达到承诺', en: 'Behind the commitment' },
  behindLate: { zh: '逾期达到', en: 'Reached after the deadline' },
  notDue: { zh: '尚未到期', en: 'Not yet due' },
  noData: { zh: '缺少实际数据', en: 'No actual figure' },
} as const;

/** Earliest date the project reached `stage` or a later one on the delivery path. */
function reachedOn(stages: readonly StageFact[], stage: string): string | null {
  const need = ORDER.get(stage) ?? 99;
  let best: string | null = null;
  for (const s of stages) {
    const o = ORDER.get(s.toStage);
    if (o === null || o === undefined || o < need) continue;
    if (best === null || s.date < best) best = s.date;
  }
  return best;
}

/** Every item of a year with the zone's summary (the API answers one page of it: compliance.task.ts). */
export type ComplianceAll = Omit<Compliance, 'total' | 'page' | 'pageSize'>;

export function complianceOf(input: {
  year: number;
  today: string;
  commitments: readonly CommitmentFact[];
  /** Figures by project id (the project's own, else its firm's figures without a project). */
  figures: ReadonlyMap<string, readonly FigureFact[]>;
  stages: ReadonlyMap<string, readonly StageFact[]>;
}): ComplianceAll {
  const { year, today } = input;
  const yearOver = today > `${year}-12-31`;
  const cache = new Map<string, ProjectFigures>();
  const figuresOf = (projectId: string) => {
    let f = cache.get(projectId);
    if (!f) {
      f = new ProjectFigures(input.figures.get(projectId) ?? []);
      cache.set(projectId, f);
    }
    return f;
  };
  const items: ComplianceItem[] = [];
  for (const c of input.commitments) {
    const base = {
      projectId: c.projectId,
      projectCode: c.projectCode,
      projectName: c.projectName,
      agreementId: c.agreementId,
      agreementNumber: c.agreementNumber,
      commitmentId: c.commitmentId,
      measure: c.measure,
      committed: c.value,
      dueYear: c.dueYear,
      dueDate: c.dueDate,
      isSample: c.isSample,
    };
    if (isDeadline(c.measure)) {
      const reached = reachedOn(input.stages.get(c.projectId) ?? [], DEADLINE_STAGE[c.measure]);
      const due = c.dueDate ?? `${c.dueYear}-12-31`;
      const asOf = yearOver ? `${year}-12-31` : today;
      const reachedInTime = reached !== null && reached <= asOf ? reached : null;
      let status: ComplianceItem['status'];
      let gap: number | null = null;
      let reason: { zh: string; en: string } = REASONS.met;
      if (reachedInTime !== null) {
        status = reachedInTime <= due ? 'met' : 'behind';
        if (status === 'behind') {
          gap = daysBetween(due, reachedInTime);
          reason = REASONS.behindLate;
        }
      } else if (asOf > due) {
        status = 'behind';
        gap = daysBetween(due, asOf);
        reason = REASONS.behind;
      } else {
        status = 'not_due';
        reason = REASONS.notDue;
      }
      items.push({
        ...base,
        actual: null,
        actualDate: reachedInTime,
        actualSource: null,
        status,
        gap,
        conflict: false,
        reason,
      });
      continue;
    }
    const f = figuresOf(c.projectId);
    const first = Math.min(year, c.dueYear) - 15;
    const landFig = f.latest('landMu', year, first);
    const land: Measured =
      landFig.value !== null
        ? landFig
        : c.projectLandMu
          ? { value: c.projectLandMu, source: null, conflict: false, final: true }
          : NONE;
    let m: Measured;
    switch (c.measure) {
      case 'totalInvestment':
      case 'fixedAssetInvestment':
        m = f.cumulative(c.measure, year, first);
        break;
      case 'landMu':
        m = landFig;
        break;
      case 'investmentIntensity':
        m = perMu(f.cumulative('fixedAssetInvestment', year, first), land);
        break;
      case 'taxPerMu':
        m = perMu(f.year('tax', year), land);
        break;
      case 'outputPerMu':
        m = perMu(f.year('output', year), land);
        break;
      default:
        m = f.year(c.measure, year);
    }
    const committed = c.value ?? 0;
    let status: ComplianceItem['status'];
    let gap: number | null = null;
    if (
      c.dueYear > year ||
      (c.dueYear === year && !yearOver && !(m.final && m.value !== null && m.value >= committed))
    ) {
      status = m.value !== null && m.value >= committed ? 'met' : 'not_due';
    } else if (m.value === null) status = 'no_data';
    else if (m.value >= committed) status = 'met';
    else {
      status = 'behind';
      gap = committed - m.value;
    }
    const reason =
      status === 'met'
        ? REASONS.met
        : status === 'behind'
          ? REASONS.behind
          : status === 'no_data'
            ? REASONS.noData
            : REASONS.notDue;
    items.push({
      ...base,
      actual: m.value,
      actualDate: null,
      actualSource: m.source,
      status,
      gap,
      conflict: m.conflict,
      reason,
    });
  }
  const due = items.filter((i) => i.dueYear <= year);
  const behind = items.filter((i) => i.status === 'behind');
  const behindByMeasure: Partial<Record<CommitmentMeasure, number>> = {};
  for (const i of behind) behindByMeasure[i.measure] = (behindByMeasure[i.measure] ?? 0) + 1;
  return {
    year,
    summary: {
      agreementsDue: new Set(due.map((i) => i.agreementId)).size,
      agreementsBehind: new Set(behind.map((i) => i.agreementId)).size,
      met: items.filter((i) => i.status === 'met').length,
      behind: behind.length,
      notDue: items.filter((i) => i.status === 'not_due').length,
      noData: items.filter((i) => i.status === 'no_data').length,
      behindByMeasure,
    },
    items,
  };
}
