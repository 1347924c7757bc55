// Firms a project name starts with that the dictionary cannot tell from ordinary words: a works named
// with 厂 (成都冶金实验厂产能置换项目), and a head the article writes again on its own (中新钢铁特钢板材
// 技改升级项目 … 在中新钢铁总控室). jieba tags 中/f 新/a 钢铁/n or 诚意/a 药业/n, so the brand reading in
// firm-short-names.ts, which trusts the tags, misses them; the shape of the text does not.

import { tagWords } from './firm-short-names';
import { isZone } from './park-rules';

/** Works a town or utility runs (污水处理厂, 自来水厂) and a bare 工厂 (智能工厂): 厂 but no firm. */
const UTILITY_WORKS = /污水|处理|自来水|净水|供水|垃圾|焚烧|热电|发电|水厂$|工厂$/;

/**
 * "万益食品厂建厂项目" → 万益食品厂: a name whose head ends in 厂 (not 厂房, 厂区) or 股份 before more of
 * the name is a firm named with its organisational form: the project's company (eval/README).
 */
export function organisationalHead(projectName: string): string | null {
  const m =
    /^([\u4e00-\u9fff]{3,10}?厂)(?![房区址长家])[\u4e00-\u9fff（(0-9A-Za-z×.]{2,}/.exec(projectName) ??
    // "大丰尚纬股份海缆": a firm named with 股份 (a joint-stock company's short form) heads the name.
    /^([\u4e00-\u9fff]{2,8}?股份)(?!有限|公司|制|合作)[\u4e00-\u9fff（(0-9]{2,}/.exec(projectName) ??
    // "人本集团轴承系列项目": a group named with 集团 heads the name.
    /^([\u4e00-\u9fff]{2,8}?集团)(?!有限|公司|股份|化|式)[\u4e00-\u9fff（(0-9]{2,}/.exec(projectName);
  const head = m?.[1];
  if (!head || UTILITY_WORKS.test(head) || /^(?:新建|建设|年产|该|本)/.test(head)) return null;
  return head;
}

/** jieba tags of tokens that brands are made of: unknown words, names, abbreviations. */
const NAME_TAGS = new Set(['x', 'nz', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'j']);

/** Industry words a firm's short name ends in (中新钢铁, 诚意药业, 名士达新材料). */
const TRADE_END =
  /(?:纸业|化工|化学|钢铁|科技|实业|电气|药业|建材|材料|能源|电子|机械|重工|食品|农牧|生物|纺织|包装)$/;

/** Heads that are places, zones or kinds of thing, not firms. */
const NOT_A_FIRM =
  /[省市县区镇乡村园]$|项目|基地|^(?:年产|新建|建设|重点|重大|招商|产业|一期|二期|三期|该|本)/;

/**
 * The head of a project name (3–6 characters, ending at a word boundary) that the article also writes
 * outside the project's own mentions, followed by something else than the rest of the name: the text
 * treats it as a name of its own, so it is the firm (中新钢铁, 名士达新材料). Longest head first.
 */
export function recurringHead(
  text: string,
  projectName: string,
  mentions: ReadonlyArray<{ start: number; end: number }>,
): string | null {
  if (!/^[\u4e00-\u9fff]{4}/.test(projectName)) return null;
  const heads: string[] = [];
  let acc = '';
  let named = false;
  for (const w of tagWords(projectName)) {
    if (!/^[\u4e00-\u9fff]+$/.test(w.word)) break;
    acc += w.word;
    // Common words only (智能工厂, 宠物食品) are a kind of thing; a brand has a name-like token in it.
    named ||= w.word.length === 1 || NAME_TAGS.has(w.tag);
    if (acc.length > 6) break;
    if (named && acc.length >= 3 && acc.length < projectName.length - 2) heads.push(acc);
  }
  for (const head of heads.reverse()) {
    // The head must end like a firm's short name (…钢铁, …新材料): a recurring 新经济 or 穆斯林 is a topic.
    // A brand needs two characters of its own before the trade word: 新材料 alone is an industry.
    if (NOT_A_FIRM.test(head) || isZone(head) || !TRADE_END.test(head)) continue;
    if (head.replace(TRADE_END, '').length < 2) continue;
    const rest = projectName.slice(head.length, head.length + 2);
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
      const inside = mentions.some((m) => i >= m.start && i < m.end);
      if (!inside && text.slice(i + head.length, i + head.length + 2) !== rest) return head;
    }
  }
  return null;
}
