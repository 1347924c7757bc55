// The parts of a project name's stem that every name finder shares: how far back a name is read
// (PROJECT_SCAN), and what is cut from its front — a date, a discourse word, a zone that says where
// the project is rather than what it is.

import type { ScanOptions } from './name-scan';

export const PROJECT_SCAN: ScanOptions = {
  maxLen: 40,
  minStem: 0,
  stopAtDigits: false,
  keep: ['和', '与', '及其'],
  wordAware: true,
  // "开工仪式暨光科检测项目奠基仪式": the name of the second event's project starts after 暨.
  extraStops: ['现场', '负责人', '十佳', '各类', '各', '仪式暨', '大会暨', '活动暨'],
};

export const PARK_PREFIX =
  /^.{0,12}?(?:经济技术开发区|开发区|高新区|经开区|产业园区|工业园区|园区|经济区|文旅区|示范区|新区)/;

/** A stem without its leading date, discourse word (其中, 此次 …) and zone (unless `keepPark`). */
export function stripPrefix(stem: string, keepPark = false): string {
  let s = stem
    .replace(/^(?:\d{4}年)?(?:\d{1,2}(?:[-—至到]\d{1,2})?月份?)?(?:\d{1,2}[日号])?/, '')
    .replace(/^(?:今年|主要|其中|当日|当天|同时|此外|目前|此次|本次|这次)/, '')
    // "代表性项目有A…": the words that open a list are not part of its first item.
    .replace(/^[^、，,。；;]{0,8}?项目(?:有(?!限)|包括|涵盖|包含|是|为)[:：]?(?=[\u4e00-\u9fff]{4})/, '')
    // "集中开竣工暨江松科技…二期项目": 暨 joins the event to the name (the scan may already stop at the
    // event's stage word and leave 暨 in front); "百亿级比亚迪…": a size class.
    .replace(
      /^(?:[^、，,。；;]{0,12}?(?:开工|竣工|签约|奠基|投产|仪式|活动|大会|推进会|观摩会))?暨(?=[\u4e00-\u9fffA-Za-z]{4})/,
      '',
    )
    .replace(/^(?:[十百千万]亿|[百千万])级(?=[\u4e00-\u9fff]{3})/, '')
    // "总投资150亿元海创磷酸铁锂项目": the amount before a name, without 的, is not part of it.
    .replace(/^[\d.]+[万亿]*元(?=[\u4e00-\u9fff]{3})/, '');
  const park = PARK_PREFIX.exec(s);
  // "利讯智能制造产业园及平台项目": a park joined by 及/和/与 is part of the name, not where it is.
  // "产业创新示范园区(一期)项目": a park followed only by its phase is the project itself.
  const rest = park ? s.slice(park[0].length) : '';
  const phaseOnly =
    (park?.[0].length ?? 0) >= 5 && /^[（(]?[一二三四五六七八九十\d]+期[）)]?(?:工程|建设)?$/.test(rest);
  if (!keepPark && park && rest.length >= 2 && !/^[及和与]/.test(rest) && !phaseOnly) s = rest;
  return s.replace(/^(?:位于|在|的)/, '');
}
