// Parks and zones named in a text: 聊城经济技术开发区, 坤源宠物食品用品产业园, and the bare 开发区 of a
// local paper. Which park a project is in is decided in park-rules.ts.

import { type ScanOptions, scanBack } from './name-scan';

export interface ParkMention {
  name: string;
  start: number;
  end: number;
}

const PARK_SUFFIX =
  /经济技术开发区|高新技术产业开发区|高新技术产业园区|经济开发区|产业开发区|开发区|高新区|经开区|工业园区|产业园区|科技园区|产业园|工业园|物流园|经济区|文旅区|示范区|自贸区|保税区|产业集聚区|工业集聚区|集聚区|投资区|合作区|试验区|港区|新区|园区/g;
const PARK_SCAN: ScanOptions = {
  maxLen: 16,
  minStem: 0,
  stopAtDigits: true,
  extraStops: [
    '上午',
    '下午',
    '晚上',
    '当日',
    '当天',
    '全',
    '在建',
    '高标准',
    '立足',
    '依托',
    '围绕',
    '聚焦',
    '入园',
    '进园',
    '规划',
    '希望',
    '要求',
    '优化',
    '使',
    '让',
  ],
};
const GENERIC_PARK_STEM = /首批|一批|各类|省级|国家级|市级|特色专业|该|这个|全国|各|绿色工业|重点|专业/;

/** Parks and zones: 聊城经济技术开发区, 坤源宠物食品用品产业园, and the bare 开发区 of a local paper. */
export function findParks(text: string): ParkMention[] {
  const out: ParkMention[] = [];
  PARK_SUFFIX.lastIndex = 0;
  let m: RegExpExecArray | null = PARK_SUFFIX.exec(text);
  while (m !== null) {
    const end = m.index + m[0].length;
    const start = scanBack(text, m.index, 0, PARK_SCAN);
    const stem = text.slice(start, m.index);
    const bareOk = stem === '' && /^(?:开发区|高新区|经开区)$/.test(m[0]);
    if (
      (stem.length >= 2 || bareOk) &&
      !GENERIC_PARK_STEM.test(stem) &&
      !/^(?:新区|园区)$/.test(text.slice(start, end))
    ) {
      out.push({ name: text.slice(start, end), start, end });
    }
    m = PARK_SUFFIX.exec(text);
  }
  // "进一步优化湛江空港经济区": a park named before is the real name inside a longer stem.
  const distinct = [...new Set(out.map((p) => p.name))].filter((n) => n.length >= 4).slice(0, 200);
  for (const p of out) {
    const inner = distinct.find((n) => n.length < p.name.length && p.name.endsWith(n));
    if (inner) {
      p.start = p.end - inner.length;
      p.name = inner;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
