import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_WEIGHTS, linkState } from '../../../../shared/src/chain';
import {
  type CandidateFirm,
  type CandidateTie,
  parseWeights,
  rankCandidates,
  relationSentence,
  scoreCandidate,
  signalsOf,
} from './target-ranking.service';

const link = { industryCodes: ['1321'], keywords: ['宠物零食', '冻干'] };

function firm(id: string, patch: Partial<CandidateFirm> = {}): CandidateFirm {
  return {
    id,
    name: `${id}食品有限公司`,
    industryCode: '1321',
    businessScope: '宠物零食的研发、生产与销售',
    tags: [],
    note: null,
    sizeClass: 'medium',
    registeredCapital: 50_000_000,
    listedCode: null,
    listedExchange: null,
    region: '江苏省',
    ...patch,
  };
}

function tie(candidate: string, strength: CandidateTie['strength'], kind = 'supplier'): CandidateTie {
  return {
    relationId: `r-${candidate}`,
    kind,
    fromFirmId: candidate,
    fromFirmName: `${candidate}食品有限公司`,
    toFirmId: 'leader',
    toFirmName: '乖宝宠物',
    localFirmId: 'leader',
    strength,
  };
}

describe('target ranking', () => {
  it('ranks a firm tied to a chain leader above an otherwise equal one, and says "A supplies B"', () => {
    const a = firm('a');
    const b = firm('b');
    const ranked = rankCandidates(
      [a, b],
      new Map([['b', [tie('b', 'leader')]]]),
      link,
      DEFAULT_RANKING_WEIGHTS,
      10,
    );
    expect(ranked.map((t) => t.firm.id)).toEqual(['b', 'a']);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 0);
    const reason = ranked[0]?.reasons.find((r) => r.factor === 'tie');
    expect(reason?.text.zh).toContain('b食品有限公司 供货给 乖宝宠物');
    expect(reason?.text.en).toContain('supplies 乖宝宠物');
    expect(reason?.tie?.localFirmId).toBe('leader');
  });

  it('values a tie to the chain leader over a tie to another local firm', () => {
    const ranked = rankCandidates(
      [firm('a'), firm('b')],
      new Map([
        ['a', [tie('a', 'local')]],
        ['b', [tie('b', 'leader')]],
      ]),
      link,
      DEFAULT_RANKING_WEIGHTS,
      10,
    );
    expect(ranked.map((t) => t.firm.id)).toEqual(['b', 'a']);
  });

  it('changes the order when the weights change', () => {
    // a: exact industry, no keywords; b: keywords only (a coarser code), listed and large.
    const a = firm('a', { businessScope: '饲料销售', sizeClass: 'small' });
    const b = firm('b', { industryCode: '13', sizeClass: 'large', listedCode: '300001' });
    const byIndustry = rankCandidates(
      [a, b],
      new Map(),
      link,
      { ...DEFAULT_RANKING_WEIGHTS, industry: 60, keyword: 0, size: 0, listed: 0 },
      10,
    );
    expect(byIndustry.map((t) => t.firm.id)).toEqual(['a', 'b']);
    const bySize = rankCandidates(
      [a, b],
      new Map(),
      link,
      { ...DEFAULT_RANKING_WEIGHTS, industry: 5, size: 40, listed: 30 },
      10,
    );
    expect(bySize.map((t) => t.firm.id)).toEqual(['b', 'a']);
  });

  it('explains exactly the score: the points of the reasons add up to it, each is weight × value', () => {
    const weights = { industry: 17, keyword: 13, tie: 29, size: 7, listed: 3, signal: 11 };
    const t = scoreCandidate(
      firm('x', { tags: ['扩产', '融资'], listedCode: '301498', sizeClass: 'large' }),
      [tie('x', 'chain', 'customer')],
      link,
      weights,
    );
    const sum = t.reasons.reduce((s, r) => s + r.points * 10, 0) / 10;
    expect(t.score).toBe(sum);
    for (const r of t.reasons) expect(r.points).toBeCloseTo(weights[r.factor] * r.value, 1);
    expect(t.reasons.map((r) => r.factor).sort()).toEqual([
      'industry',
      'keyword',
      'listed',
      'signal',
      'size',
      'tie',
    ]);
    expect(t.reasons.find((r) => r.factor === 'tie')?.text.zh).toContain(
      'x食品有限公司 采购 乖宝宠物 的产品',
    );
    // Reasons come biggest first.
    const points = t.reasons.map((r) => r.points);
    expect([...points].sort((p, q) => q - p)).toEqual(points);
  });

  it('scores industry by how close the code is: inside the link, covering it, same division', () => {
    const inside = scoreCandidate(firm('a', { businessScope: null }), [], {
      industryCodes: ['132'],
      keywords: [],
    });
    const covering = scoreCandidate(firm('b', { industryCode: '13', businessScope: null }), [], link);
    const division = scoreCandidate(firm('c', { industryCode: '1329', businessScope: null }), [], link);
    const value = (s: typeof inside) => s.reasons.find((r) => r.factor === 'industry')?.value;
    expect([value(inside), value(covering), value(division)]).toEqual([1, 0.6, 0.3]);
    expect(
      scoreCandidate(firm('d', { industryCode: '3211' }), [], link).reasons.some(
        (r) => r.factor === 'industry',
      ),
    ).toBe(false);
  });

  it('finds keywords in business scope, name or tags, and signals in tags and notes', () => {
    const t = scoreCandidate(firm('k', { businessScope: null, name: '冻干宠物零食有限公司' }), [], link);
    expect(t.reasons.find((r) => r.factor === 'keyword')?.text.zh).toContain('企业名称');
    expect(signalsOf({ tags: ['拟上市'], note: '订单饱满，产能紧张' })).toEqual(['listing', 'capacity']);
  });

  it('leaves out firms that score nothing and keeps a stable order on ties', () => {
    const none = firm('z', {
      industryCode: '3211',
      businessScope: '铜冶炼',
      sizeClass: null,
      registeredCapital: null,
    });
    const ranked = rankCandidates([firm('b'), none, firm('a')], new Map(), link, DEFAULT_RANKING_WEIGHTS, 10);
    expect(ranked.map((t) => t.firm.id)).toEqual(['a', 'b']);
  });

  it('reads stored weights with defaults for what is missing or invalid', () => {
    expect(parseWeights('{"tie":50,"size":-1,"x":3}')).toEqual({ ...DEFAULT_RANKING_WEIGHTS, tie: 50 });
    expect(parseWeights('not json')).toEqual(DEFAULT_RANKING_WEIGHTS);
    expect(relationSentence('partner', 'A', 'B').en).toBe('A partners with B');
  });

  it('derives the link state from local firms', () => {
    expect([linkState(0), linkState(1), linkState(2), linkState(9)]).toEqual([
      'missing',
      'weak',
      'strong',
      'strong',
    ]);
  });
});
