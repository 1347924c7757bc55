// Is the text before 项目 the name of one project, or only a kind of project or part of a sentence?
// Read with jieba's POS tags: a name is concrete when it carries something that points at one thing — a
// proper noun (place, brand, person, organisation; a word the dictionary does not know is usually a
// brand), a number or a Latin code (20GW, LNG), or at least two content words that are not sector words
// (定点屠宰场, 锂电池材料). Sector words (新能源产业, 电子信息产业, 旅游, 培训), verbs that take 项目 as
// their object (见证项目, 力促项目, 抓项目) and quantities of projects (诸多, 部分, 八成) name nothing: on
// unfamiliar text, inventing a project is the worst failure, so a stem must prove it is a name.

import type { TaggedWord } from '@node-rs/jieba';
import { tagWords } from './firm-short-names';

/**
 * Industry, sector and kind words: they say what field a project is in, not which project it is. A word
 * ending in 性 or 型 (战略性, 创新型, 科技型) describes a kind too.
 */
const SECTOR_WORD =
  /^(?:[\u4e00-\u9fff]{1,4}[性型]|产业|产业链|信息产业|新能源|新兴产业|传统产业|创新能力|高科技|科技|高新技术|龙头|重点|重大|项目|工业|农业|现代农业|服务业|制造业|基础设施|民生|社会事业|公共服务|招商引资|招商|实体|经济|数字经济|文旅|旅游|文化旅游|康养|医疗|养老|研学|培训|教育|休闲|赛事|体育|物流|商贸|电子|信息|智能|智慧|绿色|低碳|环保|生态|城建|乡村|全域|新型|优质|大体|量|体量|部分|诸多|其他|相关|各类|示范|试点|配套|储备|在谈|签约|开工|续建|新建|在建|投资|合作|战略|帮扶|援助|援疆|援藏|援青|对口|对口支援|扶贫|脱贫|振兴|乡村振兴|关键|大|好|新|高端|高质量|发展|建设|全程|代理|服务|基本建设|技术改造|补链|强链|延链|固链|链主|骨干|文化|生活|设施|生活设施|金融|主导|主导产业|外资|内资|外商|外商投资|外来投资|民间投资|社会投资|央企|国企|民企|台资|港资|侨资|回归|[\u4e00-\u9fff]商)$/;
/** POS tags of proper nouns; `x` (not in the dictionary) is how jieba tags most brands. */
const PROPER_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x']);
/** POS tags of content words (nouns, nominal verbs, product words). */
const CONTENT_TAGS = new Set(['n', 'vn', 'nz', 'ng', 'an', 'x', 'nr', 'ns', 'nt', 'j', 'nrt']);
/**
 * Verbs of officials and reporters: a stem running through one is a clause (实地调研新能源产业项目 →
 * the part after 调研 is what is left to judge).
 */
const CLAUSE_VERB =
  /^(?:见证|举行|召开|举办|助推|推动|推进|力促|促进|期待|抓|抓好|调研|视察|考察|观摩|督导|调度|服务|保障|包保|离不开|落实|列入|纳入|谋划|招引|引进|对接|洽谈|争取|争创|储备|梳理|聚焦|围绕|打造|实施|开展|加快|确保|支持|鼓励|引导|扶持|带动|培育|壮大|做好|用好|盯紧|紧盯|跟踪|落地|优化|必须|需要|就是|是|有|为|以|出席|参加|参观|汇报|检查|部署|安排|投身|签订|紧抓|组织|谋深|抓实|做深|做实|做细|谋实)$/;

/** "大力开展", "积极推进": a verb led by an adverb of effort, which the dictionary keeps as one word. */
const ADVERB_LED_VERB =
  /^(?:大力|积极|全力|着力|持续|切实|扎实|努力|全面|加快|广泛|深入|主动|不断|认真)[\u4e00-\u9fff]{2}$/;

/** Places and zones a stem may end in when it names where projects are (a project is never just a place). */
const ZONE_OR_PLACE_END = /(?:经济技术开发区|开发区|经开区|高新区|新区|街道|自治区|[省市县乡]|(?<!小)镇)$/;
/** An administrative place at the head of a stem (邛崃市, 自治区, 荆州市). */
const PLACE_WORD = /^(?:自治区|全区|全市|全县|全省|[\u4e00-\u9fff]{0,6}[省市县区州])$/;
/** Words of size, rank and time that, with sector words, still name a kind (百亿项目, 重特大项目). */
const SCALE_WORD =
  /^(?:百亿|千亿|十亿|亿元|百亿级|重特大|固定资产|固定资产投资|投资|首个|年|年度|季度|第[一二三四]季度|上半年|下半年|今年|去年|批次|两批次|春季|夏季|秋季|冬季|新签|新签约|新引进)$/;

/** The most general kind words: with only a place before them, a stem names a kind, not a project. */
const GENERAL_KIND = /^(?:产业|招商引资|招商|重点|重大|首批|批次|新签|新签约|新引进|建设|重点建设)$/;

export interface Concreteness {
  concrete: boolean;
  /** Why not, for tests and the eval's notes. */
  reason: 'empty' | 'clause' | 'sector' | 'quantity' | 'too-short' | null;
}

/** Work done on a plant: with a noun for the plant it names a project (工厂扩产), alone it does not. */
const PROJECT_ACTION = /^(?:扩产|扩建|改扩建|技改|迁建|搬迁|扩能|新建)$/;

/** Up to the last amount of money (125亿元, 3000万美元) or count of firms (5家) in a stem. */
const AMOUNT_OR_FIRM_COUNT = /^.*(?:\d+(?:\.\d+)?\s*(?:亿|万)?(?:元|美元)|\d+\s*家)/;
/** A stem that starts with 其他/他 (other …) or holds an official's title. */
const OTHER_OR_OFFICIAL =
  /^(?:其他|其它|他|它)|(?:省长|市长|县长|区长|镇长|书记|主任|局长|部长|董事长|总经理)[\u4e00-\u9fff]{2,5}(?:宣布|表示|指出|介绍|强调|说)/;
/** Meetings and their halls. */
const EVENT_WORD = /分会场|主会场|洽谈会|推介会|招商会|博览会|交易会|签约会|大会|仪式|论坛|峰会/;
const LATIN_OR_DIGIT = /[A-Za-z0-9０-９]/;
/**
 * "做好食用菌这一", "该": a stem closed by a demonstrative points back at a project already named (食用菌这一项目
 * = "this 食用菌 project"); it is no new name.
 */
const ENDS_IN_DEMONSTRATIVE = /(?:这一|这个|这些|那个|那些|此|该)$/;
/** "这批回归", "该类": a stem opened by a demonstrative and a measure word points at projects named before. */
const STARTS_WITH_DEMONSTRATIVE = /^(?:这|那|该|此|本)(?:批|些|类|轮|次|几)/;
/**
 * "科技型中小企业技术创新基金", "中央预算内资金": a fund, grant or research scheme a firm takes part in is a
 * programme, not an investment project.
 */
/** 和, 与, 及, 以及, 或, 暨: the last word of a stem that is one half of a coordination. */
const ENDS_IN_CONJUNCTION = /(?:[和与及或暨]|以及)$/;
const PROGRAMME_END = /(?:基金|资金|专项|课题|奖补|补助|补贴)$/;
const COUNT_OF_STEPS = /分?\d+(?:期|批|次|个|项|步)/g;
/** People counted (200余名工人), a size class (50亿级) or a bare year (组织2025): no figure of a project. */
const COUNT_OF_PEOPLE_OR_CLASS = /\d+(?:余|多)?(?:名|位|人)|\d+(?:亿|万)?级|(?<!\d)(?:19|20)\d{2}(?![\d年])/g;
/** Tags of words that can say which one (定点屠宰场, 大型冷库): nouns and attributes, not verbs or numbers. */
const MODIFIER_TAGS = new Set([...CONTENT_TAGS, 'b', 'a']);
/** Aid and policy programmes (援疆, 对口支援, 乡村振兴): they say who pays or why, not which project. */
const POLICY_WORD = /^(?:援疆|援藏|援青|对口|对口支援|扶贫|脱贫|振兴|乡村振兴|帮扶|援助)$/;
/** Locative and pronoun tags (国外/s, 上/f, 这/r): they say where or which, never whose. */
const LOCATIVE_TAGS = new Set(['s', 'f', 'r', 'zg']);
/** Years, quarters, months and days written in a stem; a year masked in a template (20XX年, **年) too. */
const TIME_PHRASE = /\d{4}年度?|(?:\d{2})?[Xx×*＊]{2}年度?|第?[一二三四1-4]季度|\d{1,2}月份?|\d{1,2}日/g;
/** A number of kinds: 三大产业链, 3大板块, 五大领域, 两大基地. */
const COUNT_OF_KINDS =
  /(?:\d+|[一二两三四五六七八九十]+)大(?:产业|板块|领域|行业|集群|基地|工程|片区|园区|类)/;

const judged = new Map<string, Concreteness>();
/** Bound on remembered stems: a long paste repeats few of them, junk input would grow the map. */
const MAX_JUDGED = 5000;

/** Judges the text before 项目 (or a listed item): does it name one project? Remembered per stem. */
export function judgeProjectStem(stem: string): Concreteness {
  const known = judged.get(stem);
  if (known) return known;
  const j = judge(stem);
  if (judged.size >= MAX_JUDGED) judged.clear();
  judged.set(stem, j);
  return j;
}

/** "協(xié)調(diào)": pinyin a broken converter wrote after each character; not part of any name. */
const PINYIN_NOTE = /\([a-zA-Z\u00e0-\u01dc]{1,7}\)/g;
/** Tags of the dictionary's proper nouns: a two-character stem must be one of them (杏山, 天福). */
const KNOWN_NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j']);

function judge(stem: string): Concreteness {
  const s = stem.replace(PINYIN_NOTE, '').trim();
  if (s.length === 0) return { concrete: false, reason: 'empty' };
  // "其他不锈钢深加工", "副省长张某宣布": other projects of a kind, or an official's words, are no name.
  if (OTHER_OR_OFFICIAL.test(s)) return { concrete: false, reason: 'clause' };
  // "活动分会场", "贸易洽谈会海西州招商引资": a meeting or its hall is where projects were signed, not one.
  if (EVENT_WORD.test(s)) return { concrete: false, reason: 'clause' };
  // "占地面积900多亩的", "总规模205兆瓦的": a description closed by 的 says what kind of project, not which.
  if (s.endsWith('的')) return { concrete: false, reason: 'clause' };
  // "董家口三大产业链", "海晶3大产业链关键": a count of kinds (三大产业, 5大板块) is not one project.
  if (COUNT_OF_KINDS.test(s)) return { concrete: false, reason: 'quantity' };
  // "台州两大", "三大": a count of big ones before 项目 counts projects, it names none.
  if (/(?:\d+|[一二两三四五六七八九十]+)大$/.test(s)) return { concrete: false, reason: 'quantity' };
  // "约125亿元新材料", "有超过5家优质储备": an amount of money or a count of firms is the sentence's,
  // not part of a name; only what follows it can name a project.
  const afterAmount = s.replace(AMOUNT_OR_FIRM_COUNT, '');
  if (afterAmount !== s)
    return afterAmount === '' ? { concrete: false, reason: 'quantity' } : judge(afterAmount);
  // A date (2022年第四季度) is when, not which: only other figures and codes make a stem specific.
  // A count of phases, batches or times (分3期, 2批) says how, not which.
  const untimed = s
    .replace(TIME_PHRASE, '')
    .replace(COUNT_OF_STEPS, '')
    .replace(COUNT_OF_PEOPLE_OR_CLASS, '');
  if (LATIN_OR_DIGIT.test(untimed) && /[\u4e00-\u9fffA-Za-z]{2}/.test(untimed.replace(/\d/g, ''))) {
    // 20GW高效晶硅电池, LNG汽车: a figure or code is specific, unless it only counts projects (3大).
    if (!/^(?:\d+|[一二三四五六七八九十]+)[大个批类项]/.test(s)) return { concrete: true, reason: null };
  }
  // "信义六期", "龙洋木业三期": a phase of something named (not of a kind: 产业二期) is one project.
  const phase = /^([\u4e00-\u9fff]{2,8})[一二三四五六七八九十]期$/.exec(s);
  if (phase?.[1] && !SECTOR_WORD.test(phase[1]) && !/^(?:项目|工程|本|该|此|首|新)/.test(phase[1]))
    return { concrete: true, reason: null };
  if (ENDS_IN_DEMONSTRATIVE.test(s) || STARTS_WITH_DEMONSTRATIVE.test(s))
    return { concrete: false, reason: 'clause' };
  // "招商引资和项目建设情况": a stem closed by a conjunction coordinates with 项目…, it names nothing.
  if (ENDS_IN_CONJUNCTION.test(s)) return { concrete: false, reason: 'clause' };
  if (PROGRAMME_END.test(s)) return { concrete: false, reason: 'sector' };
  // "敢闯敢拼", "延链补链强链": a slogan's repeated characters, not a name.
  if (
    (s.length === 4 && (s[0] === s[2] || s[1] === s[3])) ||
    (s.length === 6 && s[1] === s[3] && s[3] === s[5])
  )
    return { concrete: false, reason: 'sector' };
  // "扬州经济技术开发区项目", "惠城区水口街道项目": a zone or a place is where projects are, not one of them.
  if (ZONE_OR_PLACE_END.test(s)) return { concrete: false, reason: 'sector' };
  let words = joinSingleNouns(tagWords(s));
  // Everything up to the last clause verb is the sentence around the name, not the name.
  // A preposition (在国外食用菌, 对该公司) also opens a clause: what stands before it is the sentence.
  // 与 between two nouns (研发与产业化) joins them, as 及 does; it opens a clause only as a preposition.
  const joins = (i: number) =>
    /^[与和]$/.test(words[i]?.word ?? '') &&
    CONTENT_TAGS.has(words[i - 1]?.tag ?? '') &&
    CONTENT_TAGS.has(words[i + 1]?.tag ?? '');
  const lastVerb = words.reduce(
    (at, w, i) =>
      CLAUSE_VERB.test(w.word) || ADVERB_LED_VERB.test(w.word) || (w.tag === 'p' && !joins(i)) ? i : at,
    -1,
  );
  if (lastVerb >= 0) {
    words = words.slice(lastVerb + 1);
    if (words.length === 0) return { concrete: false, reason: 'clause' };
  }
  const first = words[0];
  if (words.length === 1 && first && (first.tag === 'm' || first.tag === 'q'))
    return { concrete: false, reason: 'quantity' };
  const rest = words.map((w) => w.word).join('');
  if (rest.length < 2) return { concrete: false, reason: 'too-short' };
  // "广谋项目, 勤跑项目": two characters the dictionary does not know are a verb phrase, not a brand.
  if (rest.length === 2 && !words.some((w) => KNOWN_NAME_TAGS.has(w.tag)))
    return { concrete: false, reason: 'too-short' };
  // "邛崃市2012年百亿项目", "自治区重点产业项目": a place and a time before kind words name no project.
  // A verb before kind words (部署年度重点援疆) is the sentence's, and names nothing either.
  // Provinces, cities and counties by their suffix (岳阳市湘阴县), governments and quarters (省政府三季度)
  // anywhere say where and when; a zone (…区) only first, since a zone heading a list item's name
  // (吉县产业集聚区绿色新能源) stands for the item's place in a name the list gives.
  const unplaced = words.filter(
    (w, i) =>
      !(
        w.tag === 'm' ||
        w.tag === 'q' ||
        w.tag === 'mq' ||
        w.tag === 'v' ||
        w.tag === 't' ||
        (i === 0 && PLACE_WORD.test(w.word)) ||
        /^[\u4e00-\u9fff]{1,6}[省市县州]$|^[省市县区州]政府$/.test(w.word)
      ),
  );
  if (unplaced.every((w) => SECTOR_WORD.test(w.word) || SCALE_WORD.test(w.word)))
    return { concrete: false, reason: lastVerb >= 0 ? 'clause' : 'sector' };
  // "绥化首批产业", "福马产业": a place name and only the most general kind words (产业, 招商引资, 首批) name
  // no project; a place before a field (吉利新能源, where the place word may be a brand) is left to the rest.
  const besidesPlace = unplaced.filter((w) => w.tag !== 'ns');
  if (
    besidesPlace.length < unplaced.length &&
    besidesPlace.length > 0 &&
    besidesPlace.every((w) => GENERAL_KIND.test(w.word) || SCALE_WORD.test(w.word))
  )
    return { concrete: false, reason: 'sector' };
  // "山东济宁第一", "连云港徐圩": places and ordinals say where and which in a ranking, not which project.
  if (words.every((w) => w.tag === 'ns' || w.tag === 'm' || w.tag === 't'))
    return { concrete: false, reason: 'sector' };
  const proper = words.some(
    (w) =>
      PROPER_TAGS.has(w.tag) &&
      w.word.length >= 2 &&
      !SECTOR_WORD.test(w.word) &&
      /[\u4e00-\u9fff]/.test(w.word),
  );
  if (proper) return { concrete: true, reason: null };
  const content = words.filter(
    (w) => CONTENT_TAGS.has(w.tag) && !SECTOR_WORD.test(w.word) && w.word.length >= 2,
  );
  if (content.length >= 2 && rest.length >= 4) return { concrete: true, reason: null };
  // "智能工厂扩产", "铝材厂技改": what is built (a plant, a line) plus what is done to it is one project.
  if (content.length >= 1 && words.some((w) => PROJECT_ACTION.test(w.word)) && rest.length >= 4)
    return { concrete: true, reason: null };
  // One specific product or facility word with a modifier: 定点屠宰场, 智能传感器 (≥ 3 characters). A place,
  // a locative or a policy (县食用菌, 国外食用菌, 援疆食用菌) is no such modifier, and a stem that is one
  // dictionary word (信息技术) only says what kind.
  const specific = words.filter(
    (w, i) =>
      MODIFIER_TAGS.has(w.tag) &&
      w.word.length >= 2 &&
      !POLICY_WORD.test(w.word) &&
      !SCALE_WORD.test(w.word) &&
      !LOCATIVE_TAGS.has(w.tag) &&
      !(i === 0 && PLACE_WORD.test(w.word)),
  );
  if (
    content.some((w) => w.word.length >= 3) &&
    specific.length >= 2 &&
    specific.map((w) => w.word).join('').length >= 4
  )
    return { concrete: true, reason: null };
  // A facility is a thing being built even with a bare or local modifier (县物流园, 农贸市场, 体育中心); a
  // product or field (食用菌, 信息技术) without one that says whose or which is only a kind.
  if (content.some((w) => w.word.length >= 3 && FACILITY_END.test(w.word)) && rest.length >= 4)
    return { concrete: true, reason: null };
  return { concrete: false, reason: lastVerb >= 0 ? 'clause' : 'sector' };
}

/**
 * "镁/n 锂/nz 合金装备/n": single-character nouns in a row (materials, elements: 镁锂, 钢铝) make one
 * compound noun; read one by one they would be too short to count as a content word.
 */
function joinSingleNouns(words: TaggedWord[]): TaggedWord[] {
  const out: Array<TaggedWord & { singles: boolean }> = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const single = w.word.length === 1 && SINGLE_NOUN_TAGS.has(w.tag);
    const prevSingles =
      prev !== undefined && (prev.singles || (prev.word.length === 1 && SINGLE_NOUN_TAGS.has(prev.tag)));
    if (single && prev && prevSingles)
      out[out.length - 1] = { word: prev.word + w.word, tag: 'n', singles: true };
    else out.push({ word: w.word, tag: w.tag, singles: false });
  }
  return out.map(({ word, tag }) => ({ word, tag }));
}
const SINGLE_NOUN_TAGS = new Set(['n', 'nz', 'ng']);

/** Heads of facility words: a plant, a site, a park, a centre, a hall, a station, a store, a port. */
const FACILITY_END = /(?:厂|场|园|中心|基地|馆|院|站|库|港|城|楼)$/;

export const isConcreteStem = (stem: string): boolean => judgeProjectStem(stem).concrete;

/** Trade words that end a firm's short name (拓优特电气, 龙洋木业, 华友锂业). */
const TRADE_TAIL =
  /^(?:电气|电器|电子|光电|木业|印业|纸业|肉业|锂业|铝业|铜业|钢铁|化工|化学|药业|制药|纺织|建材|新材|材料|机械|重工|精工|食品|农牧|科技|实业|股份|集团|控股)$/;
const NOT_A_BRAND = /[省市县区镇乡]$/;

/**
 * "拓优特电气": a short name of a firm — two to four characters that are no ordinary sector word or
 * place, ended by a trade word. Standing for a project in a list (…、拓优特电气等产业项目) it names one.
 */
export function isFirmShortName(stem: string): boolean {
  if (!/^[\u4e00-\u9fff]{4,8}$/.test(stem)) return false;
  const words = tagWords(stem);
  const last = words[words.length - 1];
  if (!last || !TRADE_TAIL.test(last.word)) return false;
  const head = words.slice(0, -1);
  const brand = head.map((w) => w.word).join('');
  if (brand.length < 2 || brand.length > 4 || NOT_A_BRAND.test(brand)) return false;
  // 智能电气, 新型材料: an ordinary word before the trade word says what kind, not whose.
  return !head.some(
    (w) => SECTOR_WORD.test(w.word) || (w.word.length >= 2 && ['n', 'vn', 'v', 'b'].includes(w.tag)),
  );
}

/**
 * "集赛事、研学、培训、旅游、休闲、教育于一体": a list whose items are all one or two characters names
 * activities or kinds, not projects; one whose item counts places (民丰三县) lists places.
 */
export function isListOfKinds(items: readonly string[]): boolean {
  if (items.length > 1 && items.some((i) => COUNT_OF_PLACES.test(i))) return true;
  if (isSloganList(items)) return true;
  return items.length > 1 && items.every((i) => i.replace(/项目$/, '').length <= 2);
}

/** "策勒、于田、民丰三县": an item closed by a count of places makes the list one of places. */
const COUNT_OF_PLACES = /[\u4e00-\u9fff](?:[两二三四五六七八九十]|\d+)个?(?:县|市|区|镇|乡|乡镇|省|州)/;

/**
 * "“道路黑化、园区亮化、公共绿化、环境美化”": three or more four-character items ending in the same
 * character are a slogan's parallel phrases (what is done), not names of projects.
 */
function isSloganList(items: readonly string[]): boolean {
  const bare = items.map((i) =>
    i
      .replace(/^.*[“"「]/, '')
      .replace(/[”"」].*$/, '')
      .replace(/项目$/, ''),
  );
  const last = bare[0]?.slice(-1);
  return bare.length >= 3 && bare.every((b) => /^[\u4e00-\u9fff]{4}$/.test(b) && b.slice(-1) === last);
}
