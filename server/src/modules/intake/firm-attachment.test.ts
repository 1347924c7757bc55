// Issue 13: the firm and figures of each project in a sentence that names several (firms a park
// attracted, a firm investing with a verb before the name, ；-clauses, a brand reported on its own).
// Sentences of our own, written in those shapes, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { findFirmMentions } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { namedAsInvestor } from './firm-attachment';

const single = (text: string) => projectsOf(text).filter((p) => !p.isAggregate);
const companiesOf = (text: string, part: string) =>
  single(text)
    .find((p) => p.name.includes(part))
    ?.companies.map((c) => c.name) ?? [];

describe('which project a firm belongs to', () => {
  it('gives no company to a project named after a list of firms the park attracted', () => {
    const text =
      '近年来，园区吸引了长风集团、远航集团、宏达集团等产业龙头企业进驻，推动年产20万吨再生铝、年产5万吨铜箔等一批项目建成投产。';
    expect(companiesOf(text, '再生铝')).toEqual([]);
  });

  it('gives no company from a list of attracted firms joined by 以及', () => {
    const text =
      '园区吸引了北岸集团、西岭集团以及东川嘉禾、南山集团等产业龙头企业进驻，推动年产20万吨再生铝、年产5万吨铜箔等一批项目建成投产。';
    expect(companiesOf(text, '再生铝')).toEqual([]);
  });

  it('gives each firm the project it invests in with a verb before the name', () => {
    const text =
      '今年以来，共有甲山化学有限公司投资5.8亿元建设的年产30万吨苯胺项目、乙水生化公司投资7.4亿元建设的年产6万吨环氧乙烷项目陆续开工。';
    expect(companiesOf(text, '苯胺')).toEqual(['甲山化学有限公司']);
    expect(companiesOf(text, '环氧乙烷')).toEqual(['乙水生化公司']);
    expect(single(text).find((p) => p.name.includes('环氧乙烷'))?.investment?.yuan).toBe(740000000);
  });

  it('reads a ；-clause as naming its own project and its own figure', () => {
    const text =
      '园区已与丙川科技有限公司签订了投资10亿元，年产100万吨淀粉糖项目，正在办理手续；与丁岭食品有限公司签订了投资1亿元，建设年产3亿支可降解餐盒项目，设备安装完毕。';
    const boxes = single(text).find((p) => p.name.includes('餐盒'));
    expect(boxes?.companies.map((c) => c.name)).toEqual(['丁岭食品有限公司']);
    expect(boxes?.investment?.yuan).toBe(100000000);
    expect(companiesOf(text, '淀粉糖')).toEqual(['丙川科技有限公司']);
  });

  it('makes a listed brand the company once the project is reported on its own', () => {
    const text =
      '督查组对沐泽新型医疗器械、华岭精密模具等4个重大项目进行督查。\n沐泽新型医疗器械项目总投资5亿元，目前厂房主体施工中。';
    expect(companiesOf(text, '沐泽')).toEqual(['沐泽']);
  });

  // Issue 13, company-attachment round: which words tie a firm to a project (or keep it off one).
  const listItem =
    '仪式同时设立青禾乳业奶粉加工项目、远川(北方)食品有限公司日处理900吨蔬菜原料的脱水蔬菜生产线项目、园区道路改造项目等开工现场。';
  const investedList =
    '其中包括甲岭铝业有限公司投资2亿元的铝板加工技改项目、乙峰钢铁(集团)公司合计投资9亿元的系列节能改造、丙源电力有限公司投资6亿元的热电联产项目等。';
  const missedName =
    '今日，西港中俄贸易服务大厦项目、东城农贸中心项目等4个项目落户本市。\n东城农贸中心项目由南岭食品集团投资3亿元，在六个城区各建一个。\n西港中俄贸易服务大厦项目是由北湖远航国际贸易有限公司，投资5亿元准备建设的大厦。';
  const bareProject =
    '在宏岳机械有限公司的项目现场，负责人介绍了进度。这是一个年产3万吨的精密铸件项目。项目由宏岳精工(天津)有限公司和青川矿山机械有限公司共同投资建设。';
  it.each([
    ['a list item names no firm of the next item', listItem, '奶粉', []],
    ['a firm heading a list item is that item’s', listItem, '脱水蔬菜', ['远川(北方)食品有限公司']],
    ['a firm investing after 的 is that name’s', investedList, '铝板', ['甲岭铝业有限公司']],
    [
      'a firm whose name after 的 is unread joins no earlier project',
      investedList,
      '热电联产',
      ['丙源电力有限公司'],
    ],
    [
      '"the firm" opening a sentence is the firm named just before',
      '北关市鼎盛实业有限公司是一家主营矿石加工的企业。今年企业投资3亿元，新建100万吨球团项目，预计产值9亿元。',
      '球团',
      ['北关市鼎盛实业有限公司'],
    ],
    [
      'a firm named with a project the reader missed is not the focus project’s',
      missedName,
      '农贸',
      ['南岭食品集团'],
    ],
    [
      'a bare 项目 opening its clause is "the project"',
      bareProject,
      '精密铸件',
      ['宏岳机械有限公司', '宏岳精工(天津)有限公司', '青川矿山机械有限公司'],
    ],
    [
      'a phase of a park named with its firm before is that firm’s project too',
      '2023年,南川区引进北斗精工投资有限公司在河西镇投资30亿元,建设占地约300亩的智能农机制造产业园。记者了解到,目前一期工程拖拉机总装基地项目已完工。\n据了解,产业园一期拖拉机总装基地项目总投资6.5亿元,主要建设厂房和总装车间。',
      '拖拉机',
      ['北斗精工投资有限公司'],
    ],
  ])('%s', (_title, text, part, expected) => {
    expect(companiesOf(text, part)).toEqual(expected);
  });
});

describe("firms the text names as a project's investor", () => {
  it.each([
    ['项目于3月2日签约，投资主体为东岳家电科技有限公司，用地200亩。', true],
    ['该项目建设单位是北川路桥建设有限公司。', true],
    ['东岳家电科技有限公司总经理出席签约仪式。', false],
  ])('%s → %s', (text, expected) => {
    const firm = findFirmMentions(text)[0];
    expect(firm && namedAsInvestor(text, firm)).toBe(expected);
  });
});

// Session 16: names no path may give as a firm (written from read batches 10, 13 and 15).
describe('what is never a firm', () => {
  it('drops a place, an anonymous firm or an amount read as a project’s company', () => {
    expect(
      companiesOf('罗定市榃滨镇人居环境建设项目总投资1.2亿元，由榃滨镇政府实施，目前已开工。', '人居'),
    ).toEqual([]);
    expect(companiesOf('2023年9月，湖州某年产15GWh动力电池项目一期投产。', '动力电池')).toEqual([]);
  });
});
