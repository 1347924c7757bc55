import type { Site } from '../../../../shared/src/contract/park';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import type { PlotCandidate, UnitCandidate } from './site.repository';

/**
 * Site matching (选址): a pure scoring of one available plot or unit against a lead's needs, like
 * the chain target ranking — each reason's points are exactly what it adds, so the reasons add up
 * to the score. Weights: size 40, chain 30, power or building 15, budget 15 (of 100).
 */

export interface SiteNeeds {
  landMu: number | null;
  buildingM2: number | null;
  chainId: string | null;
  chainName: string | null;
  powerKva: number | null;
  budget: number | null;
}

const WEIGHT = { size: 40, chain: 30, power: 15, budget: 15 } as const;

type Reason = Site['reasons'][number];
const reason = (factor: string, weight: number, value: number, text: Bilingual): Reason => ({
  factor,
  points: Math.round(weight * value * 10) / 10,
  text,
});

function sizeReason(have: number, need: number | null, unit: Bilingual): Reason {
  if (need === null) {
    return reason('size', WEIGHT.size, 0.5, {
      zh: `面积 ${have}${unit.zh}（未提需求）`,
      en: `Area ${have} ${unit.en} (no need stated)`,
    });
  }
  const fit = Math.max(0, 1 - Math.abs(have - need) / need);
  return reason('size', WEIGHT.size, fit, {
    zh: `面积 ${have}${unit.zh}，需求 ${need}${unit.zh}`,
    en: `Area ${have} ${unit.en} against a need of ${need} ${unit.en}`,
  });
}

function chainReason(carries: boolean, needs: SiteNeeds): Reason {
  if (!needs.chainId) return reason('chain', WEIGHT.chain, 0, { zh: '未指定产业链', en: 'No chain given' });
  return carries
    ? reason('chain', WEIGHT.chain, 1, {
        zh: `园区承载${needs.chainName ?? '该产业链'}`,
        en: `The park carries ${needs.chainName ?? 'the chain'}`,
      })
    : reason('chain', WEIGHT.chain, 0, {
        zh: `园区不承载${needs.chainName ?? '该产业链'}`,
        en: `The park does not carry ${needs.chainName ?? 'the chain'}`,
      });
}

const total = (reasons: Reason[]) => Math.round(reasons.reduce((s, r) => s + r.points, 0) * 10) / 10;

export function scorePlot(p: PlotCandidate, needs: SiteNeeds): Site {
  const reasons = [
    sizeReason(p.area_mu, needs.landMu, { zh: '亩', en: 'mu' }),
    chainReason(p.carries_chain === 1, needs),
  ];
  if (needs.powerKva !== null) {
    reasons.push(
      p.power_kva === null
        ? reason('power', WEIGHT.power, 0.5, { zh: '供电容量未登记', en: 'Power capacity not recorded' })
        : p.power_kva >= needs.powerKva
          ? reason('power', WEIGHT.power, 1, {
              zh: `供电 ${p.power_kva} kVA ≥ 需求 ${needs.powerKva} kVA`,
              en: `Power ${p.power_kva} kVA covers the ${needs.powerKva} kVA needed`,
            })
          : reason('power', WEIGHT.power, 0, {
              zh: `供电 ${p.power_kva} kVA 不足（需 ${needs.powerKva} kVA）`,
              en: `Power ${p.power_kva} kVA short of ${needs.powerKva} kVA`,
            }),
    );
  }
  if (needs.budget !== null) {
    reasons.push(
      p.price === null
        ? reason('budget', WEIGHT.budget, 0.5, { zh: '出让价未登记', en: 'Price not recorded' })
        : p.price <= needs.budget
          ? reason('budget', WEIGHT.budget, 1, { zh: '出让价在预算内', en: 'Price within budget' })
          : reason('budget', WEIGHT.budget, 0, { zh: '出让价超出预算', en: 'Price over budget' }),
    );
  }
  return {
    kind: 'plot',
    id: p.id,
    parkId: p.park_id,
    parkName: p.park_name,
    label: p.code,
    areaMu: p.area_mu,
    areaM2: null,
    status: p.status,
    score: total(reasons),
    reasons,
  };
}

export function scoreUnit(u: UnitCandidate, needs: SiteNeeds): Site {
  const reasons = [
    sizeReason(u.area_m2, needs.buildingM2, { zh: 'm²', en: 'm²' }),
    chainReason(u.carries_chain === 1, needs),
  ];
  if (u.crane_t !== null && u.crane_t > 0) {
    reasons.push(
      reason('building', WEIGHT.power, 1, { zh: `配 ${u.crane_t} 吨行车`, en: `${u.crane_t} t crane` }),
    );
  }
  return {
    kind: 'unit',
    id: u.id,
    parkId: u.park_id,
    parkName: u.park_name,
    label: `${u.building_name} ${u.floor}F-${u.unit_no}`,
    areaMu: null,
    areaM2: u.area_m2,
    status: u.status,
    score: total(reasons),
    reasons,
  };
}
