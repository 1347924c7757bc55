// Production capacities (年产5万吨, 年产4亿克拉…和20万片…, 6万吨…生产车间) and job counts
// (新增就业1000人, 提供就业岗位近100个). Split from amount-parser.ts, whose number reader they use.

import { qualifierBefore, readNumber } from './amount-parser';
import type { CapacityItem, Qualifier } from './types';

export interface CapacityToken {
  start: number;
  end: number;
  items: CapacityItem[];
  text: string;
}

const CAPACITY_VERB =
  /(?:年发电量(?:约|达|为|可达)?|年发电|总装机(?:容量|规模)?(?:为|达|约)?|装机(?:容量|规模)(?:为|达|约)?|年产能?|年生产|年可生产|年加工|年处理|年出栏|年制造|日产|日处理|日加工|具备(?:年产|年生产|生产)|形成(?:年产|年生产)|生产能力(?:达到?|为)?|设计产能(?:为|达)?)/g;
const PRODUCTION_UNIT =
  /^(?:万台套|台套|千瓦时|安时|度|纱锭|锭|吨|套|台|件|片|辆|只|头|克拉|平方米|立方米|千瓦时|千瓦|兆瓦|瓦时|吉瓦时|GWh|MWh|GW|MW|条|米|公里|箱|瓶|支|颗|粒|块|部|双|个|张|根|株|方|桶|升|亩)/;
const PRODUCT_STOP_CHAR = /[的和及与、，,。；;：:\n“”"（）()\d]/;
const PRODUCT_STOP_WORD = /^(?:项目|生产线|生产车间|生产基地|能力|车间|工地|规模|以上|左右)/;

function readQuantity(text: string, i: number): { value: number; unit: string; end: number } | null {
  const num = readNumber(text, i);
  if (!num) return null;
  const unit = PRODUCTION_UNIT.exec(text.slice(num.end, num.end + 4));
  if (!unit) return null;
  return { value: num.value, unit: unit[0], end: num.end + unit[0].length };
}

function readProduct(text: string, i: number, max = 14): { product: string; end: number } {
  let j = i;
  while (j < text.length && j - i < max) {
    if (PRODUCT_STOP_CHAR.test(text[j] ?? '') || PRODUCT_STOP_WORD.test(text.slice(j, j + 4))) break;
    j++;
  }
  return { product: text.slice(i, j), end: j };
}

/** "生产线48条": a count of production lines, the weakest statement of a capacity. */
export const isLineCount = (c: CapacityToken): boolean => c.items.every((i) => i.unit === '条');

/** A capacity verb: where a new capacity (of another project) begins. */
const NEW_CAPACITY = /年产|年生产|年加工|年处理|产能|生产能力/;

/**
 * Reads a list of "quantity unit product" items after a capacity verb, e.g. 4亿克拉金刚石和20万片复合片,
 * or "product quantity" items such as 有色金属铸件5吨、锻件2300吨.
 */
function readCapacityItems(text: string, i: number): { items: CapacityItem[]; end: number } {
  const items: CapacityItem[] = [];
  let j = i;
  let itemEnd = i;
  for (let k = 0; k < 6; k++) {
    // Optional product before the figure (年生产有色金属铸件5吨) or a qualifier (约, 近, 超).
    let p = j;
    while (p < text.length && p - j <= 10 && !/[\d，,。；;\n]/.test(text[p] ?? '')) p++;
    if (!/\d/.test(text[p] ?? '')) break;
    // "年产50万吨预焙阳极、华勤集团年产600万套…": a next item with its own capacity verb is another capacity.
    if (k > 0 && NEW_CAPACITY.test(text.slice(j, p))) {
      j = itemEnd;
      break;
    }
    const prefix = text
      .slice(j, p)
      .replace(/^(约|近|超过|超|达到?|可达)/, '')
      .replace(/(约|近|超过|超|达到?)$/, '');
    const qty = readQuantity(text, p);
    if (!qty) break;
    let product: string | null = prefix !== '' ? prefix : null;
    let end = qty.end;
    if (product === null) {
      const prod = readProduct(text, qty.end);
      product = prod.product !== '' ? prod.product : null;
      end = prod.end;
    }
    items.push({ value: qty.value, unit: qty.unit, product });
    j = end;
    itemEnd = end;
    if (
      /[和及与、]/.test(text[j] ?? '') &&
      (text.slice(j + 1, j + 3) !== '回收' || /\d/.test(text[j + 3] ?? ''))
    ) {
      j++;
      if (text.startsWith('回收', j)) j += 2;
    } else break;
  }
  return { items, end: j };
}

/** Finds production capacities: 年产5万吨…, 具备生产2000吨固体饮料、15吨压片糖果的能力, 6万吨宠物罐头生产车间. */
export function findCapacities(text: string): CapacityToken[] {
  const out: CapacityToken[] = [];
  CAPACITY_VERB.lastIndex = 0;
  let m: RegExpExecArray | null = CAPACITY_VERB.exec(text);
  let covered = 0;
  while (m !== null) {
    const { items, end } = readCapacityItems(text, m.index + m[0].length);
    if (items.length > 0) {
      out.push({ start: m.index, end, items, text: text.slice(m.index, end) });
      covered = end;
      CAPACITY_VERB.lastIndex = Math.max(end, m.index + 1);
    }
    m = CAPACITY_VERB.exec(text);
  }
  // "2×66万千瓦" (units × unit size) and "30万吨/年" are capacities wherever they stand.
  const forms =
    /(?<![\d.])(\d+)\s*[×xX*]\s*(\d+(?:\.\d+)?)([万亿]?)(千瓦|兆瓦|MW|GW|吨|台|套)|(?<![\d.])(\d[\d,.]*)([万亿]?)(吨|套|台|件|千瓦时|度)\/年/g;
  for (let f = forms.exec(text); f !== null; f = forms.exec(text)) {
    const start = f.index;
    const end = start + f[0].length;
    if (out.some((c) => start < c.end && end > c.start)) continue;
    const mult = (u: string | undefined) => (u === '万' ? 1e4 : u === '亿' ? 1e8 : 1);
    const value = f[1]
      ? Number(f[1]) * Number(f[2]) * mult(f[3])
      : Number((f[5] ?? '').replace(/,/g, '')) * mult(f[6]);
    const unit = (f[1] ? f[4] : f[7]) ?? '';
    const prod = readProduct(text, end, 12);
    out.push({
      start,
      end: prod.end,
      items: [{ value, unit, product: prod.product || null }],
      text: text.slice(start, prod.end),
    });
    covered = Math.max(covered, prod.end);
  }
  // "10万锭精梳紧密纺", "50万纱锭项目": spindles are a spinning mill's capacity wherever they stand,
  // except a mill's existing scale (在已有21万锭的基础上, 如今的30万纱锭纺纱规模).
  const spindles = /(?<![\d.])(\d+(?:\.\d+)?)([万亿]?)(纱锭|锭)/g;
  for (let f = spindles.exec(text); f !== null; f = spindles.exec(text)) {
    const start = f.index;
    const end = start + f[0].length;
    if (out.some((c) => start < c.end && end > c.start)) continue;
    const lead = text.slice(Math.max(0, start - 4), start);
    if (
      /已有|现有|如今的|已达|发展到/.test(lead) ||
      /^的基础|^[^，,。；;]{0,4}规模/.test(text.slice(end, end + 8))
    )
      continue;
    const mult = f[2] === '万' ? 1e4 : f[2] === '亿' ? 1e8 : 1;
    // The spindles are the capacity; what follows (精梳, 紧密纺建设) is the kind of spinning or the name.
    out.push({
      start,
      end,
      items: [{ value: Number(f[1]) * mult, unit: '锭', product: null }],
      text: f[0],
    });
  }
  // "新建5条微生物肥料生产线", "生产线48条": a count of production lines is a plant's capacity.
  const lines = /(?<![\d.])(\d{1,3})条([\u4e00-\u9fff]{0,10}?)生产线|生产线(\d{1,3})条/g;
  for (let f = lines.exec(text); f !== null; f = lines.exec(text)) {
    const start = f.index;
    const end = start + f[0].length;
    if (out.some((c) => start < c.end && end > c.start)) continue;
    const product = `${f[2] ?? ''}生产线`;
    out.push({ start, end, items: [{ value: Number(f[1] ?? f[3]), unit: '条', product }], text: f[0] });
  }
  // Without a verb: "N万吨 <product> 生产车间/生产线/项目" names a production capacity too.
  const bare = /(?<![\d,.])\d[\d,.]*[万亿]?(?:吨|套|台|件|辆|片|克拉)/g;
  let b: RegExpExecArray | null = bare.exec(text);
  while (b !== null) {
    const start = b.index;
    const inside = out.length > 0 && start < covered && out.some((c) => start >= c.start && start < c.end);
    const prevChar = text[start - 1] ?? '';
    if (!inside && !/[\d.]/.test(prevChar)) {
      const qty = readQuantity(text, start);
      if (qty) {
        const prod = readProduct(text, qty.end, 16);
        const tail = text.slice(prod.end, prod.end + 6);
        const closeParen = /^[（(][^）)]{1,6}[）)]/.exec(tail);
        const after = closeParen
          ? text.slice(prod.end + closeParen[0].length, prod.end + closeParen[0].length + 6)
          : tail;
        if (prod.product.length >= 2 && /^(生产线|生产车间|车间|智能制造|项目|工厂|生产基地)/.test(after)) {
          const end = prod.end + (closeParen ? closeParen[0].length : 0);
          const product = text.slice(qty.end, end);
          out.push({
            start,
            end,
            items: [{ value: qty.value, unit: qty.unit, product }],
            text: text.slice(start, end),
          });
        }
      }
    }
    b = bare.exec(text);
  }
  return out.sort((x, y) => x.start - y.start);
}

export interface JobsToken {
  start: number;
  end: number;
  count: number;
  qualifier: Qualifier;
  text: string;
}

/** Finds job counts: 新增就业1000人, 带动就业约1000人, 提供就业岗位近100个, 带动850人就业. */
export function findJobs(text: string): JobsToken[] {
  const out: JobsToken[] = [];
  const re = /\d[\d,]*(?:\.\d+)?/g;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    const num = readNumber(text, m.index);
    if (num && !/[亿]/.test(num.units)) {
      const unitMatch = /^(?:余|多)?(人|个|名)/.exec(text.slice(num.end, num.end + 3));
      if (unitMatch) {
        const unitEnd = num.end + unitMatch[0].length;
        const q = qualifierBefore(text, m.index);
        const before = text.slice(Math.max(0, q.start - 10), q.start);
        const after = text.slice(unitEnd, unitEnd + 6);
        const beforeClause = before.split(/[，,。；;：:\n]/).pop() ?? '';
        const afterClause = after.split(/[，,。；;：:\n]/)[0] ?? '';
        const jobWord = /就业|岗位|用工/;
        const ok =
          (unitMatch[1] === '个'
            ? /岗位/.test(beforeClause + afterClause)
            : jobWord.test(beforeClause + afterClause)) &&
          !/培训|招聘会|企业|户/.test(afterClause.slice(0, 2));
        if (ok) {
          const more = num.more || /^(余|多)/.test(unitMatch[0]);
          out.push({
            start: q.start,
            end: unitEnd,
            count: Math.round(num.value),
            qualifier: more ? 'more_than' : q.qualifier,
            text: text.slice(q.start, unitEnd),
          });
        }
        re.lastIndex = unitEnd;
      } else re.lastIndex = Math.max(num.end, m.index + 1);
    }
    m = re.exec(text);
  }
  return out;
}
