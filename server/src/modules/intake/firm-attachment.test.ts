// Issue 13: the firm and figures of each project in a sentence that names several (firms a park
// attracted, a firm investing with a verb before the name, ；-clauses, a brand reported on its own).
// Sentences of our own, written in those shapes, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

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

  it('gives a firm heading a list item the project that item names, not the one before it', () => {
    const text =
      '仪式同时设立青禾乳业奶粉加工项目、远川(北方)食品有限公司日处理900吨蔬菜原料的脱水蔬菜生产线项目、园区道路改造项目等开工现场。';
    expect(companiesOf(text, '奶粉')).toEqual([]);
    expect(companiesOf(text, '脱水蔬菜')).toEqual(['远川(北方)食品有限公司']);
  });

  it('gives a firm investing in a list after 的 that list, and no earlier project the firm', () => {
    const text =
      '其中包括甲岭铝业有限公司投资2亿元的铝板加工技改项目、乙峰钢铁(集团)公司合计投资9亿元的系列节能改造、丙源电力有限公司投资6亿元的热电联产项目等。';
    expect(companiesOf(text, '铝板')).toEqual(['甲岭铝业有限公司']);
    expect(companiesOf(text, '热电联产')).toEqual(['丙源电力有限公司']);
  });

  it('gives "the firm" opening a sentence the firm named just before it', () => {
    const text =
      '北关市鼎盛实业有限公司是一家主营矿石加工的企业。今年企业投资3亿元，新建100万吨球团项目，预计产值9亿元。';
    expect(companiesOf(text, '球团')).toEqual(['北关市鼎盛实业有限公司']);
  });
});
