// The part a firm plays in a signing. A local state investment platform (大观区发展投资有限公司, 某县城投公司)
// that signs an investment agreement with another firm signs for the district: the other firm invests.
// The platform is a company of a project only when the text says it invests (…城投公司联合设立).

import type { FirmMention } from './entity-extractor';

/** A district's, county's or city's investment platform: a place, then an investment or asset body. */
const STATE_PLATFORM =
  /[省市县区州]\S{0,6}?(?:发展投资|城市建设投资|建设投资|开发投资|产业投资|投资发展|投资控股|国有资产|国资|城投)(?:集团)?(?:有限(?:责任)?公司|公司)?$/;
/** "P与F成功签订…投资协议": what follows the platform up to the signing verb. */
const SIGNS_WITH = /^(?:与|和|同)[^，。；;]{2,40}?(?:签订|签署|签约)/;

/** Whether `firm` is a state platform signing with another firm in the same sentence. */
export function isSigningCounterpart(text: string, firm: FirmMention, sentenceEnd: number): boolean {
  if (!STATE_PLATFORM.test(firm.name)) return false;
  return SIGNS_WITH.test(text.slice(firm.end, sentenceEnd));
}

/** An executive's title right after a firm's name: 华电集团总经理王强, 青岚集团董事长刘洋. */
const EXECUTIVE_AFTER =
  /^(?:[\u4e00-\u9fff]{0,6}?(?:分公司|子公司))?(?:党委书记|董事长|副董事长|总经理|副总经理|总裁|副总裁|行长|副行长)/;
/** What guests do at a ceremony or a visit: attend, accompany, witness, break ground, look round. */
const GUEST_VERB = /出席|参加|陪同|见证|培土|奠基|揭牌|剪彩|致辞|参观|考察|调研|观摩/;

/**
 * "华电集团西北分公司总经理王强出席仪式": a firm named as the employer of an executive a ceremony lists
 * among its guests is a guest's firm, not the investor of the project the ceremony is for.
 */
export function isGuestsFirm(
  text: string,
  firm: FirmMention,
  sentence: { start: number; end: number },
): boolean {
  if (!EXECUTIVE_AFTER.test(text.slice(firm.end, firm.end + 14))) return false;
  return GUEST_VERB.test(text.slice(sentence.start, sentence.end));
}

/** A speaking verb after an executive's name: the firm is named for the person who speaks. */
const SPEAKS = /^[\u4e00-\u9fff]{0,3}?(?:说|表示|介绍|称|指出)/;
/** The verbs of a signing in a sentence. */
const SIGNING = /签订[^，,。；]{0,10}协议|签署[^，,。；]{0,10}协议|签约|落户/;

/**
 * The one firm (legal name) a sentence reports signing, if any: not a firm listed among several signers
 * (现场签约A有限公司、B集团、C大学等8家企业), nor a firm named for its speaker (A公司总经理李涛说，力争更多项目
 * 落户) — though a firm whose chairman signs is the party (A公司董事长万刚签订投资协议).
 */
export function soleSigner(
  text: string,
  firms: readonly FirmMention[],
  sentence: { start: number; end: number },
): FirmMention | undefined {
  if (!SIGNING.test(text.slice(sentence.start, sentence.end))) return undefined;
  return firms.find((f) => {
    if (!f.legal || /[、和与及等]/.test(text[f.end] ?? '') || text[f.start - 1] === '、') return false;
    const title = EXECUTIVE_AFTER.exec(text.slice(f.end, f.end + 14));
    return !(title && SPEAKS.test(text.slice(f.end + title[0].length, f.end + title[0].length + 6)));
  });
}

/** "华中山鹰纸业有限公司总经理冯军贤…": a firm named for one of its executives, who is the subject. */
export function namedForExecutive(text: string, firm: FirmMention): boolean {
  return EXECUTIVE_AFTER.test(text.slice(firm.end, firm.end + 14));
}
