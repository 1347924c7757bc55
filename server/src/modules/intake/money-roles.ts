// What a money amount means is said by the nearest keyword before it in its clause: 总投资 5.6亿元 is
// investment, 年产值15亿元 output value, 税收4000万元 tax, 出口4.86亿元 exports. An amount with no such
// keyword and no 元 (a bare 78.2亿) is dropped: it is too often not money at all.

import { findMoney, findPercentages, type MoneyToken, type PercentToken } from './amount-parser';
import { startingIn } from './clean-text';
import type { MoneyRole } from './types';

export interface RoledMoney extends MoneyToken {
  role: MoneyRole;
  growth: PercentToken | null;
}

/** Keywords, longest first so 完成投资 wins over 投资 and 年度计划投资 over 计划投资. */
const ROLE_WORDS: Array<[string, MoneyRole]> = [
  ['累计完成投资', 'investment_completed'],
  ['已完成投资', 'investment_completed'],
  ['完成投资', 'investment_completed'],
  ['已投资', 'investment_completed'],
  // "已经完成固定资产投资额3.6亿元": fixed-asset investment done so far is work done, not the total.
  ['完成固定资产投资额', 'investment_completed'],
  ['完成固定资产投资', 'investment_completed'],
  ['到位资金', 'investment_completed'],
  ['年度计划投资', 'investment_annual'],
  ['今年计划投资', 'investment_annual'],
  ['年度投资', 'investment_annual'],
  ['年计划投资', 'investment_annual'],
  ['主营业务收入', 'output_value'],
  ['投融资总额', 'investment'],
  ['计划总投资', 'investment'],
  ['投资金额', 'investment'],
  ['投资总额', 'investment'],
  ['总投资', 'investment'],
  ['计划投资', 'investment'],
  ['拟投资', 'investment'],
  ['投资额', 'investment'],
  ['总投入', 'investment'],
  ['投资', 'investment'],
  ['投入', 'investment'],
  ['销售收入', 'output_value'],
  ['营业收入', 'output_value'],
  ['年产值', 'output_value'],
  ['销售额', 'output_value'],
  ['营收', 'output_value'],
  ['营业额', 'output_value'],
  // 国税开票4亿元, 年销售20亿元: invoiced sales are the sales revenue the labels hold as output value.
  ['开票', 'output_value'],
  ['销售', 'output_value'],
  ['产值', 'output_value'],
  ['利税', 'profit_tax'],
  ['税收', 'tax'],
  ['纳税', 'tax'],
  ['税金', 'tax'],
  ['出口额', 'exports'],
  ['出口', 'exports'],
  ['融资', 'financing'],
  ['募资', 'financing'],
  ['募集', 'financing'],
  ['贷款', 'financing'],
  ['授信', 'financing'],
];

/** Role of the amount starting at `start`: last keyword in the clause before it. */
export function roleBefore(text: string, start: number): MoneyRole | null {
  let s = start;
  while (s > 0 && start - s < 30 && !/[，,。；;：:\n]/.test(text[s - 1] ?? '')) s--;
  const window = text.slice(s, start);
  let best: { at: number; role: MoneyRole } | null = null;
  for (const [word, role] of ROLE_WORDS) {
    const at = window.lastIndexOf(word);
    if (at >= 0 && (best === null || at + word.length > best.at)) best = { at: at + word.length, role };
  }
  return best?.role ?? null;
}

/** Money amounts with their role and the growth rate written right after them. */
export function findRoledMoney(text: string): RoledMoney[] {
  const percents = findPercentages(text).filter((p) => p.growth);
  const out: RoledMoney[] = [];
  for (const tok of findMoney(text)) {
    const role = roleBefore(text, tok.start);
    if (role === null && !tok.explicit) continue;
    // 亩均产值150万元 / 亩均税收11万元: per-mu figures are not the project's totals.
    // "年税收超80万/亩": an amount per mu written after it is a per-mu figure too.
    const perMu =
      /亩均[^，,。；;]{0,4}$/.test(text.slice(Math.max(0, tok.start - 8), tok.start)) ||
      /^\s*(?:元)?\s*[/每]\s*亩/.test(text.slice(tok.end, tok.end + 4));
    // "预计五年内累计销售额不低于5亿元": sales or taxes summed over several years are no year's figure
    // (2025年—2029年累计 too; a calendar year, 2024年累计, is one year).
    const sentenceBefore =
      text
        .slice(Math.max(0, tok.start - 60), tok.start)
        .split(/[。；;\n]/)
        .pop() ?? '';
    const overYears =
      (role === 'output_value' || role === 'tax') &&
      /累计[^，,。；;]{0,10}$/.test(sentenceBefore) &&
      /(?<!\d)(?:[1-9]|10|[两三四五六七八九十])年(?:内|来|间)?|\d{4}年?[—–\-~至到]\d{4}年/.test(
        sentenceBefore,
      );
    // 同比增长近20% within the next clause or two belongs to this amount.
    const growth =
      startingIn(percents, tok.end, tok.end + 13).find(
        (p) => !/[。；\n]/.test(text.slice(tok.end, p.start)),
      ) ?? null;
    out.push({
      ...tok,
      role: perMu || overYears || isThreshold(text, tok) ? 'other' : (role ?? 'other'),
      growth,
    });
  }
  return out;
}

/**
 * "投资额在10亿元以上的省外投资项目", "5000万元以上1亿元以下的", "5亿元以上项目": a bound that defines a class of
 * projects (in a policy, a count of a batch) is no project's figure.
 */
function isThreshold(text: string, tok: MoneyToken): boolean {
  const after = text.slice(tok.end, tok.end + 8);
  // "投资过10亿元大项目之一", "超百亿元的项目之一": the class a project belongs to, not its own amount.
  if (/^(?:的)?(?:大|重大|重点|产业|工业)?项目之一/.test(after)) return true;
  if (!/^(?:以上|以下|以内|及以上)/.test(after)) return false;
  return (
    // 在5000万元以上, or the upper end of a range opened by one (…以上1亿元以下).
    /(?:在|以上)$/.test(text.slice(Math.max(0, tok.start - 2), tok.start)) ||
    /^(?:以上|以下|以内|及以上)(?:的)?(?:[\u4e00-\u9fff]{0,4}(?:项目|企业)|\d)/.test(after)
  );
}
