import {
  MU_INDICATORS,
  type MuClass,
  type MuConfig,
  type MuIndicator,
} from '../../../../shared/src/agreement';
import type { Bilingual } from '../../../../shared/src/i18n-message';

/**
 * 亩均效益综合评价 (decision 015), pure: firms above the zone's size are scored on four indicators
 * against the zone's averages and put in classes A–D.
 * - values: tax per mu and output per mu (yuan/亩), output per tonne of standard coal, R&D expense
 *   as a percentage of sales (of output where sales are not reported);
 * - benchmark: the average of each indicator over the firms that have it;
 * - indicator score = weight × min(value ÷ benchmark, cap); a missing value scores 0;
 * - total = the sum, rounded to 2 decimals; class by the thresholds (A ≥ A, B ≥ B, C ≥ C, else D);
 * - firms with no land record, or no tax or output figure, cannot be rated (with the reason).
 */
export interface FirmFigures {
  firmId: string;
  firmName: string;
  landMu: number | null;
  tax: number | null;
  output: number | null;
  sales: number | null;
  energy: number | null;
  rdExpense: number | null;
}

type Indicators = Record<MuIndicator, number | null>;

export interface MuResultItem {
  firmId: string;
  firmName: string;
  class: MuClass | null;
  score: number | null;
  rank: number | null;
  landMu: number | null;
  tax: number | null;
  output: number | null;
  values: Indicators;
  scores: Indicators;
  reason: Bilingual | null;
}

const EMPTY: Indicators = { taxPerMu: null, outputPerMu: null, outputPerEnergy: null, rdShare: null };
const round2 = (n: number) => Math.round(n * 100) / 100;

export function inScope(f: FirmFigures, config: MuConfig): boolean {
  return (f.landMu ?? 0) >= config.minLandMu || (f.output ?? 0) >= config.minOutput;
}

function indicatorsOf(f: FirmFigures): Indicators {
  const land = f.landMu ?? 0;
  const base = f.sales ?? f.output;
  return {
    taxPerMu: land > 0 && f.tax !== null ? f.tax / land : null,
    outputPerMu: land > 0 && f.output !== null ? f.output / land : null,
    outputPerEnergy: f.energy && f.energy > 0 && f.output !== null ? f.output / f.energy : null,
    rdShare: f.rdExpense !== null && base ? (f.rdExpense / base) * 100 : null,
  };
}

export function classOf(score: number, t: MuConfig['thresholds']): MuClass {
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : 'D';
}

export function evaluateMu(
  firms: readonly FirmFigures[],
  config: MuConfig,
): { items: MuResultItem[]; benchmarks: Indicators } {
  const candidates = firms.filter((f) => inScope(f, config));
  const unrated: MuResultItem[] = [];
  const rated: Array<{ f: FirmFigures; v: Indicators }> = [];
  for (const f of candidates) {
    let reason: Bilingual | null = null;
    if (!f.landMu || f.landMu <= 0) {
      reason = {
        zh: '无用地记录，无法计算亩均指标',
        en: 'No land record: per-mu figures cannot be computed',
      };
    } else if (f.tax === null || f.output === null) {
      reason = { zh: '缺少当年税收或产值数据', en: 'No tax or output figure for the year' };
    }
    if (reason) {
      unrated.push({
        firmId: f.firmId,
        firmName: f.firmName,
        class: null,
        score: null,
        rank: null,
        landMu: f.landMu,
        tax: f.tax,
        output: f.output,
        values: indicatorsOf(f),
        scores: EMPTY,
        reason,
      });
    } else rated.push({ f, v: indicatorsOf(f) });
  }
  const benchmarks = { ...EMPTY };
  for (const k of MU_INDICATORS) {
    const xs = rated.map((r) => r.v[k]).filter((x): x is number => x !== null);
    benchmarks[k] = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  }
  const scored = rated.map(({ f, v }) => {
    const scores = { ...EMPTY };
    let total = 0;
    for (const k of MU_INDICATORS) {
      const b = benchmarks[k];
      const x = v[k];
      const s = x === null || !b ? 0 : config.weights[k] * Math.min(x / b, config.cap);
      scores[k] = round2(s);
      total += s;
    }
    const score = round2(total);
    return {
      firmId: f.firmId,
      firmName: f.firmName,
      class: classOf(score, config.thresholds),
      score,
      rank: null as number | null,
      landMu: f.landMu,
      tax: f.tax,
      output: f.output,
      values: v,
      scores,
      reason: null,
    };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score || a.firmName.localeCompare(b.firmName, 'zh-CN') || (a.firmId < b.firmId ? -1 : 1),
  );
  scored.forEach((s, i) => {
    s.rank = i + 1;
  });
  unrated.sort((a, b) => a.firmName.localeCompare(b.firmName, 'zh-CN'));
  return { items: [...scored, ...unrated], benchmarks };
}
