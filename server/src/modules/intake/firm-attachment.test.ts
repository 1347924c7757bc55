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
});
