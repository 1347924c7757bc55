import { type ActualSource, figuresDisagree, sourceRank } from '../../../../shared/src/agreement';

/**
 * Which of several figures for one year, period and measure counts, and whether the sources disagree
 * (pure; compliance and the 亩均 evaluation use it too). Each source's latest entry stands for it (a
 * later entry from the same source is a correction); the most trusted source's figure is counted;
 * sources that differ beyond the tolerance are a conflict, and both figures stay.
 */
export interface FigureRow {
  id: string;
  year: number;
  period: string;
  measure: string;
  value: number;
  source: string;
  created_at: string;
}

export interface FigureGroup<R extends FigureRow> {
  key: string;
  counted: R;
  /** The latest entry of each source, most trusted first. */
  bySource: R[];
  conflict: boolean;
}

export function groupFigures<R extends FigureRow>(
  rows: readonly R[],
  keyOf: (r: R) => string = (r) => `${r.year}|${r.period}|${r.measure}`,
): Map<string, FigureGroup<R>> {
  const buckets = new Map<string, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = buckets.get(k);
    if (list) list.push(r);
    else buckets.set(k, [r]);
  }
  const out = new Map<string, FigureGroup<R>>();
  for (const [key, list] of buckets) {
    const latest = new Map<string, R>();
    for (const r of list) {
      const had = latest.get(r.source);
      if (!had || r.created_at > had.created_at || (r.created_at === had.created_at && r.id > had.id)) {
        latest.set(r.source, r);
      }
    }
    const bySource = [...latest.values()].sort(
      (a, b) =>
        sourceRank(a.source as ActualSource, a.measure) - sourceRank(b.source as ActualSource, b.measure),
    );
    const counted = bySource[0] as R;
    const conflict = bySource.some((a) =>
      bySource.some((b) => figuresDisagree(Number(a.value), Number(b.value))),
    );
    out.set(key, { key, counted, bySource, conflict });
  }
  return out;
}
