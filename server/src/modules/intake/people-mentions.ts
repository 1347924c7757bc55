// People an article names with their title (负责人赵夏介绍, 部长史明鉴, 项目负责人姜子振说), and the
// organisation written before the title. Whether a person is a project's contact is decided elsewhere:
// a quoted official is never one unless the text says they are in charge of the project (issue 13).

import { isIdeograph, type ScanOptions, scanBack } from './name-scan';

export interface PersonMention {
  name: string;
  title: string;
  organisation: string | null;
  start: number;
  end: number;
}

const TITLES =
  /项目负责人|负责人|董事长|副总经理|总经理|经理|总裁|总监|厂长|副部长|部长|副局长|局长|副主任|主任|副书记|书记|副市长|市长|副县长|县长|副区长|区长|镇长|乡长|主席|秘书长|院长|副校长|校长|教师|老师|记者|通讯员|处长|科长|所长|站长|队长|董事|创始人|工程师|评论员/g;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '司徒', '东方', '皇甫', '令狐', '慕容', '宇文'];
const AFTER_NAME =
  /^(?:介绍|说|表示|指出|称|告诉|主持|出席|致辞|讲话|坦言|透露|笑|认为|强调|带领|一行|同志|等|在|通讯员|记者|[，,。、：:“（(\s)）]|$)/;
const ORG_SCAN: ScanOptions = {
  maxLen: 16,
  minStem: 0,
  stopAtDigits: true,
  onlyExtraStops: true,
  extraStops: [
    '在',
    '是',
    '的',
    '据',
    '由',
    '介绍',
    '表示',
    '说',
    '称',
    '与',
    '及',
    '同',
    '该',
    '即',
    '对',
    '向',
  ],
};

function readPersonName(text: string, i: number): string | null {
  const first = text[i] ?? '';
  const compound = COMPOUND_SURNAMES.some((s) => text.startsWith(s, i));
  if (!compound && !SURNAMES.includes(first)) return null;
  for (const len of compound ? [4, 3] : [3, 2]) {
    const name = text.slice(i, i + len);
    if (name.length !== len || ![...name].every((c) => isIdeograph(c))) continue;
    // 孙振说 is 孙振 + 说: a three-character reading that ends in a speech verb is the two-character name.
    if (len === 3 && /[说讲称笑问答道]/.test(name[2] ?? '') && AFTER_NAME.test(text.slice(i + 2, i + 5)))
      continue;
    if (AFTER_NAME.test(text.slice(i + len, i + len + 3))) return name;
  }
  return null;
}

/** People named right after a title: 负责人赵夏介绍, 部长史明鉴, 项目负责人姜子振说. */
export function findPeople(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  TITLES.lastIndex = 0;
  let m: RegExpExecArray | null = TITLES.exec(text);
  while (m !== null) {
    const titleEnd = m.index + m[0].length;
    const name = readPersonName(text, titleEnd);
    if (name) {
      const orgStart = scanBack(text, m.index, 0, ORG_SCAN);
      const org = text.slice(orgStart, m.index).replace(/^(?:该|本|这个)/, '');
      out.push({
        name,
        title: m[0],
        organisation: org.length >= 2 ? org : null,
        start: orgStart,
        end: titleEnd + name.length,
      });
      TITLES.lastIndex = titleEnd + name.length;
    }
    m = TITLES.exec(text);
  }
  return out;
}
