import { beforeAll, describe, expect, it } from 'vitest';
import { findFirmMentions } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { findAgentFirms } from './firm-agents';
import { leadingBrand, tagWords } from './firm-short-names';

// The word segmenter loads its dictionary on first use: once, here, outside any test's time.
beforeAll(() => {
  tagWords('预热');
}, 60_000);

// Invented sentences for the firm rules of the round of heldout14: firms named by their part in a
// project, and the words of a sentence that are no part of a firm's name.
const names = (text: string) => findFirmMentions(text).map((f) => f.name);
const companiesOf = (text: string, name: string) =>
  projectsOf(text)
    .find((p) => !p.isAggregate && p.name.includes(name))
    ?.companies.map((c) => c.name) ?? null;

describe('firms named as the agent of a project', () => {
  it('the short name after 由 and before 投资建设 or 承建 is a firm', () => {
    expect(findAgentFirms('由华润电力投资建设的风电项目近日开工。').map((a) => a.name)).toEqual(['华润电力']);
    expect(companiesOf('由华润电力投资建设的200兆瓦风电项目近日开工,总投资15亿元。', '风电')).toEqual([
      '华润电力',
    ]);
    expect(companiesOf('总投资10亿元的冷链物流园项目,由中建三局承建,预计明年竣工。', '冷链物流园')).toEqual([
      '中建三局',
    ]);
  });

  it('agents joined by 和 are each a firm; a role word and 为 introduce one too', () => {
    expect(findAgentFirms('该项目由宁德时代和上汽集团合资建设。').map((a) => a.name)).toEqual(['宁德时代']);
    expect(companiesOf('年产10万吨乳制品项目投资方为伊利,总投资8亿元。', '乳制品')).toEqual(['伊利']);
  });

  it('a subject the sentence calls a firm (是一家…企业) is one, and its project is its own', () => {
    const text = '恒信电子是一家生产电子元器件的企业,其投资5亿元的智能传感器项目今年3月开工建设。';
    expect(companiesOf(text, '智能传感器')).toEqual(['恒信电子']);
    expect(findAgentFirms('项目全部建成后,将成为全国最大的锰硅合金生产企业。')).toEqual([]);
  });

  it('a government, its office, a pronoun or a word for a firm is no agent', () => {
    expect(findAgentFirms('该项目由县政府投资建设。')).toEqual([]);
    expect(findAgentFirms('由市交通运输局投资建设的道路工程已完工。')).toEqual([]);
    expect(findAgentFirms('孵化基地由园区办与企业合作运营。')).toEqual([]);
    expect(findAgentFirms('由该企业投资建设。')).toEqual([]);
  });
});

describe('words of the sentence that are no part of a firm’s name', () => {
  it('方 of a party’s role (投资方, 签约方, 乙方) is cut off the name', () => {
    expect(names('投资方山东明晖化工有限公司负责人表示,项目将于年底投产。')).toEqual([
      '山东明晖化工有限公司',
    ]);
    expect(names('签约方山东华信电气有限公司表示将加快建设。')).toEqual(['山东华信电气有限公司']);
    expect(names('乙方青山华信电气有限公司负责厂房建设。')).toEqual(['青山华信电气有限公司']);
  });

  it('a word tagged as an adverb right after the place a name starts with is the brand', () => {
    expect(names('由河北华远有限公司、天津鼎新科技有限公司共同投资。')).toEqual([
      '河北华远有限公司',
      '天津鼎新科技有限公司',
    ]);
  });

  it('a list of firms starts after a half-width comma: the clause before it names no firm', () => {
    const text =
      '此次签约项目中,智能制造产业园项目由河北华远投资有限公司、天津宏达科技有限公司共同投资建设,总投资20亿元。';
    expect(names(text)).toEqual(['河北华远投资有限公司', '天津宏达科技有限公司']);
  });

  it('a firm named with 由 and its 总投资 invests in the name after it', () => {
    const text =
      '签约项目包括由青川建材有限公司总投资3亿元的新型墙材项目及由北川市政工程有限公司总投资5亿元的城北道路配套工程项目。';
    expect(companiesOf(text, '城北道路')).toEqual(['北川市政工程有限公司']);
  });
});

describe('firms that are no investor of the project', () => {
  it('the firm of an executive a ceremony lists among its guests is a guest’s', () => {
    const text =
      '市长李明、华电集团西北分公司总经理王强共同为年产5万吨碳纤维项目培土奠基,该项目总投资8亿元。';
    expect(companiesOf(text, '碳纤维')).toEqual([]);
  });

  it('an industry word the dictionary does not know (光伏, 冷链) is no brand', () => {
    expect(leadingBrand('光伏组件项目')).toBeNull();
    expect(leadingBrand('华晨冷链物流中心项目')).toBe('华晨');
    expect(companiesOf('总投资20亿元的光伏组件项目在沙河工业园区开工建设,年产组件5GW。', '光伏组件')).toEqual(
      [],
    );
  });
});
