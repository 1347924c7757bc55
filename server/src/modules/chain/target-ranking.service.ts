import {
  DEFAULT_RANKING_WEIGHTS,
  RANKING_FACTORS,
  type RankingFactor,
  type RankingWeights,
  TARGET_SIGNALS,
  type TargetSignal,
} from '../../../../shared/src/chain';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import { findIndustry, normaliseIndustryCode } from '../../../../shared/src/industry-codes';

/**
 * Target ranking (补链、延链、强链): a pure scoring function. Given a link's criteria, one external
 * firm and its ties to local firms, it returns the score and the reasons that make it up — each
 * reason's points are exactly what it adds, so the explanation always adds up to the score.
 * The database work (a bounded candidate set) is in target-candidates.repository.ts.
 */

/** What defines a link for matching: its industry codes (any GB/T 4754 level) and keywords. */
export interface LinkCriteria {
  industryCodes: readonly string[];
  keywords: readonly string[];
}

export interface CandidateFirm {
  id: string;
  name: string;
  industryCode: string | null;
  businessScope: string | null;
  tags: readonly string[];
  note: string | null;
  sizeClass: string | null;
  registeredCapital: number | null;
  listedCode: string | null;
  listedExchange: string | null;
  region: string | null;
}

/** How strongly a tie binds: to a leader of this chain, to a firm on this chain, to any local firm. */
export type TieStrength = 'leader' | 'chain' | 'local';

/** A relation between the candidate and a local firm, as stored: `from` {kind} `to`. */
export interface CandidateTie {
  relationId: string;
  kind: string;
  fromFirmId: string;
  fromFirmName: string;
  toFirmId: string;
  toFirmName: string;
  localFirmId: string;
  strength: TieStrength;
}

export interface Reason {
  factor: RankingFactor;
  /** 0–1: how fully the factor holds. */
  value: number;
  /** What the factor adds to the score: weight × value, in tenths. */
  points: number;
  text: Bilingual;
  /** For a tie: the local firm that could refer (以商招商) and the relation. */
  tie?: CandidateTie;
}

export interface ScoredTarget {
  firm: CandidateFirm;
  score: number;
  reasons: Reason[];
}

const TIE_VALUE: Record<TieStrength, number> = { leader: 1, chain: 0.6, local: 0.4 };
const SIZE_VALUE: Record<string, number> = { large: 1, medium: 0.6, small: 0.3, micro: 0.1 };

/** Points in tenths, so the sum of the reasons is the score without floating-point drift. */
function tenths(weight: number, value: number): number {
  return Math.round(weight * value * 10);
}

function norm(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** "A supplies B" for a stored relation (`from` {kind} `to`; see firm.presenter FIRM_RELATION_KINDS). */
export function relationSentence(kind: string, from: string, to: string): Bilingual {
  switch (kind) {
    case 'supplier':
      return { zh: `${from} 供货给 ${to}`, en: `${from} supplies ${to}` };
    case 'customer':
      return { zh: `${from} 采购 ${to} 的产品`, en: `${from} buys from ${to}` };
    case 'investor':
      return { zh: `${from} 投资 ${to}`, en: `${from} invests in ${to}` };
    case 'parent':
      return { zh: `${from} 是 ${to} 的母公司`, en: `${from} is the parent of ${to}` };
    default:
      return { zh: `${from} 与 ${to} 是合作伙伴`, en: `${from} partners with ${to}` };
  }
}

function industryValue(
  firmCode: string | null,
  codes: readonly string[],
): { value: number; text: Bilingual } | null {
  if (!firmCode) return null;
  const fc = normaliseIndustryCode(firmCode);
  const name = findIndustry(fc)?.name ?? fc;
  let best: { value: number; text: Bilingual } | null = null;
  for (const raw of codes) {
    const lc = normaliseIndustryCode(raw);
    let hit: { value: number; text: Bilingual } | null = null;
    if (fc.startsWith(lc)) {
      hit = {
        value: 1,
        text: {
          zh: `行业代码 ${fc} ${name} 属于本环节（${lc}）`,
          en: `Industry ${fc} is in this link (${lc})`,
        },
      };
    } else if (lc.startsWith(fc)) {
      hit = {
        value: 0.6,
        text: {
          zh: `行业代码 ${fc} ${name} 涵盖本环节（${lc}）`,
          en: `Industry ${fc} covers this link (${lc})`,
        },
      };
    } else if (/^\d{2}/.test(fc) && fc.slice(0, 2) === lc.slice(0, 2)) {
      hit = {
        value: 0.3,
        text: {
          zh: `行业代码 ${fc} 与本环节同属 ${fc.slice(0, 2)} 大类`,
          en: `Industry ${fc} is in the same division ${fc.slice(0, 2)}`,
        },
      };
    }
    if (hit && (!best || hit.value > best.value)) best = hit;
  }
  return best;
}

function sizeValue(f: CandidateFirm): { value: number; label: Bilingual } | null {
  if (f.sizeClass && SIZE_VALUE[f.sizeClass] !== undefined) {
    const zh = { large: '大型', medium: '中型', small: '小型', micro: '微型' }[f.sizeClass] ?? f.sizeClass;
    return {
      value: SIZE_VALUE[f.sizeClass] as number,
      label: { zh: `${zh}企业`, en: `${f.sizeClass} firm` },
    };
  }
  const cap = f.registeredCapital;
  if (cap === null || cap <= 0) return null;
  const wan = Math.round(cap / 10_000);
  const label = { zh: `注册资本 ${wan} 万元`, en: `registered capital ${wan} wan yuan` };
  if (cap >= 100_000_000) return { value: 1, label };
  if (cap >= 50_000_000) return { value: 0.6, label };
  if (cap >= 10_000_000) return { value: 0.3, label };
  return { value: 0.1, label };
}

/** The signals (expansion, financing, listing, capacity pressure) found in tags and note. */
export function signalsOf(f: Pick<CandidateFirm, 'tags' | 'note'>): TargetSignal[] {
  const text = norm([...f.tags, f.note ?? ''].join(' '));
  return (Object.keys(TARGET_SIGNALS) as TargetSignal[]).filter((k) =>
    TARGET_SIGNALS[k].words.some((w) => text.includes(norm(w))),
  );
}

/** Scores one candidate. Zero-point reasons are left out; the reasons sum to the score exactly. */
export function scoreCandidate(
  firm: CandidateFirm,
  ties: readonly CandidateTie[],
  link: LinkCriteria,
  weights: RankingWeights = DEFAULT_RANKING_WEIGHTS,
): ScoredTarget {
  const reasons: Reason[] = [];
  const add = (factor: RankingFactor, value: number, text: Bilingual, tie?: CandidateTie) => {
    const points = tenths(weights[factor], value);
    if (points > 0) reasons.push({ factor, value, points, text, ...(tie ? { tie } : {}) });
  };

  const industry = industryValue(firm.industryCode, link.industryCodes);
  if (industry) add('industry', industry.value, industry.text);

  if (link.keywords.length > 0) {
    const where = [
      { text: firm.businessScope ?? '', zh: '经营范围', en: 'business scope' },
      { text: firm.name, zh: '企业名称', en: 'name' },
      { text: firm.tags.join(' '), zh: '标签', en: 'tags' },
    ];
    const found: Array<{ kw: string; zh: string; en: string }> = [];
    for (const kw of link.keywords) {
      const k = norm(kw.trim());
      if (!k) continue;
      const place = where.find((w) => norm(w.text).includes(k));
      if (place) found.push({ kw, zh: place.zh, en: place.en });
    }
    if (found.length > 0) {
      add('keyword', Math.min(1, found.length / 2), {
        zh: `关键词匹配：${found.map((f) => `「${f.kw}」（${f.zh}）`).join('、')}`,
        en: `Keywords: ${found.map((f) => `"${f.kw}" (${f.en})`).join(', ')}`,
      });
    }
  }

  const bestTie = [...ties].sort((a, b) => TIE_VALUE[b.strength] - TIE_VALUE[a.strength])[0];
  if (bestTie) {
    const s = relationSentence(bestTie.kind, bestTie.fromFirmName, bestTie.toFirmName);
    const role: Bilingual =
      bestTie.strength === 'leader'
        ? { zh: '（本链链主，以商招商）', en: ' (chain leader: referral path)' }
        : bestTie.strength === 'chain'
          ? { zh: '（本链本地企业）', en: ' (local firm on this chain)' }
          : { zh: '（本地企业）', en: ' (local firm)' };
    const more =
      ties.length > 1
        ? { zh: `，另有 ${ties.length - 1} 条关系`, en: `, and ${ties.length - 1} more` }
        : { zh: '', en: '' };
    add(
      'tie',
      TIE_VALUE[bestTie.strength],
      { zh: `${s.zh}${role.zh}${more.zh}`, en: `${s.en}${role.en}${more.en}` },
      bestTie,
    );
  }

  const size = sizeValue(firm);
  if (size) add('size', size.value, { zh: `规模：${size.label.zh}`, en: `Size: ${size.label.en}` });

  if (firm.listedCode) {
    const where = firm.listedExchange ?? '';
    add('listed', 1, { zh: `上市公司 ${where}${firm.listedCode}`, en: `Listed ${firm.listedCode}` });
  }

  const signals = signalsOf(firm);
  if (signals.length > 0) {
    add('signal', Math.min(1, signals.length / 2), {
      zh: `近期信号：${signals.map((s) => TARGET_SIGNALS[s].zh).join('、')}`,
      en: `Recent signals: ${signals.map((s) => TARGET_SIGNALS[s].en).join(', ')}`,
    });
  }

  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  // Reasons in points order (the biggest first); points and score leave in units, one decimal.
  reasons.sort(
    (a, b) => b.points - a.points || RANKING_FACTORS.indexOf(a.factor) - RANKING_FACTORS.indexOf(b.factor),
  );
  return { firm, score: total / 10, reasons: reasons.map((r) => ({ ...r, points: r.points / 10 })) };
}

/**
 * Scores every candidate and returns the best `limit`: by score, then registered capital, then id
 * (a stable order, so the same data gives the same list).
 */
export function rankCandidates(
  firms: readonly CandidateFirm[],
  tiesByFirm: ReadonlyMap<string, readonly CandidateTie[]>,
  link: LinkCriteria,
  weights: RankingWeights,
  limit: number,
): ScoredTarget[] {
  return firms
    .map((f) => scoreCandidate(f, tiesByFirm.get(f.id) ?? [], link, weights))
    .filter((t) => t.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.firm.registeredCapital ?? -1) - (a.firm.registeredCapital ?? -1) ||
        (a.firm.id < b.firm.id ? -1 : a.firm.id > b.firm.id ? 1 : 0),
    )
    .slice(0, limit);
}

/** Weights from storage, with defaults for missing or invalid entries (a settings row may be older). */
export function parseWeights(json: string | null | undefined): RankingWeights {
  const out: RankingWeights = { ...DEFAULT_RANKING_WEIGHTS };
  if (!json) return out;
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    for (const f of RANKING_FACTORS) {
      const v = raw[f];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100) out[f] = v;
    }
  } catch {
    // keep the defaults
  }
  return out;
}
