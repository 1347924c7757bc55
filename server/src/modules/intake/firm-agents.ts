// Firms a sentence names by their part in a project rather than by a suffix: the agent of 由…投资建设 or
// 由…承建 ("由华润电力投资建设的风电项目", "由宁德时代和上汽集团合资建设"), the party a role word
// introduces ("投资方为伊利", "建设单位是中建三局") and a subject called a firm ("恒信电子是一家…企业"). News writes big investors by their short names
// (华润电力, 宁德时代, 中建三局), which the walk back from 公司/集团 never sees.

import { tagWords } from './firm-short-names';

/** Where a firm's name stands in the text. */
export interface AgentName {
  name: string;
  start: number;
  end: number;
}

/** 由 + agent(s) + the verb of investing or building; the agent is at most a dozen characters. */
const AGENT =
  /由([\u4e00-\u9fffA-Za-z（）()]{2,30}?)(?:共同|联合|合资|合作|独资|全额|自主|总|计划|拟)?(?:投资建设|投资兴建|投资新建|投资|出资|承建|建设|兴建|开发|运营)/g;

/** A role word and 为/是, then the party: 投资方为…, 建设单位是…. */
const ROLE =
  /(?:投资方|投资主体|投资单位|建设单位|建设主体|承建单位|承建方|业主单位|运营方)(?:为|是)([\u4e00-\u9fffA-Za-z（）()]{2,16}?)(?=[，,。；;、\s]|的|$)/g;

/** "恒信电子是一家生产电子元器件的企业": the subject a sentence calls a firm (一家…企业/公司) is one. */
const DECLARED =
  /(?:^|[。，,；;\n])([\u4e00-\u9fffA-Za-z]{2,8}?)是(?:一家|国内|全国|全球|我国)[^。，,；;]{0,30}?(?:企业|公司|集团|厂商|供应商|制造商)/g;

/** Agents that are no firm: governments, their offices and parks, places, and words for a firm. */
const NOT_A_FIRM =
  /(?:政府|管委会|委员会|办公室|园区办|党委|局|厅|办|省|市|县|区|镇|乡|村|园区|开发区|新区|企业|公司|集团|双方|多方|社会资本)$/;

/** jieba tags that put a word of the sentence into the agent (pronouns, prepositions, particles). */
const CLAUSE_TAGS = new Set(['r', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'y', 'd', 'm']);

/** 中建三局, 中铁十局: a numbered 局 is an engineering bureau, a firm that builds, not a government office. */
export const isEngineeringBureau = (name: string): boolean => /[一二三四五六七八九十]+局$/.test(name);

function agentFirm(name: string, start: number): AgentName | null {
  // A name with a legal form (…有限公司) is the suffix walk's to find, with its full extent.
  if (name.length < 2 || name.length > 12 || /公司|集团/.test(name)) return null;
  if (NOT_A_FIRM.test(name) && !isEngineeringBureau(name)) return null;
  // "由该公司", "由其": a pronoun or an adverb refers to a firm named elsewhere or is the sentence's.
  if (tagWords(name).some((w) => CLAUSE_TAGS.has(w.tag) && w.word.length >= (w.tag === 'd' ? 2 : 1)))
    return null;
  return { name, start, end: start + name.length };
}

/** Firms named as the agent of a project's investing or building, or by their role in it. */
export function findAgentFirms(text: string): AgentName[] {
  const out: AgentName[] = [];
  for (const re of [AGENT, ROLE, DECLARED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const agents = m[1] ?? '';
      let at = m.index + m[0].indexOf(agents);
      // "由宁德时代和上汽集团": several agents joined by 和, 与, 及 or 、 are each a firm.
      for (const part of agents.split(/(?=[和与及、])|(?<=[和与及、])/)) {
        if (!/^[和与及、]$/.test(part)) {
          const firm = agentFirm(part, at);
          if (firm) out.push(firm);
        }
        at += part.length;
      }
    }
  }
  return out;
}
