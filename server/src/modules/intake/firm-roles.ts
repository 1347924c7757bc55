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
