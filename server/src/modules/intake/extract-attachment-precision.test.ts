import { beforeAll, describe, expect, it } from 'vitest';
import { findParks } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { tagWords } from './firm-short-names';

beforeAll(() => {
  tagWords('预热');
}, 60_000);

// Invented sentences for the rules of the round of heldout17: a project gets a park or a date only when
// the text places or dates that project; a venue, a meeting, a reporter's visit or a batch's name does not.
const projectNamed = (text: string, name: string) =>
  projectsOf(text).find((p) => !p.isAggregate && p.name.includes(name));
const datesOf = (text: string, name: string) => projectNamed(text, name)?.dates.map((d) => d.date) ?? [];
const parkOf = (text: string, name: string) => projectNamed(text, name)?.park?.name ?? null;

describe('dates that date no project', () => {
  it('a meeting on projects only planned (推进会, 誓师大会) dates none of them', () => {
    const text =
      '3月8日,青山经济开发区召开2024年重点项目建设推进会。今年,青山经开区计划实施重点项目30个,包括总投资12亿元的华锐新能源电池项目、总投资5亿元的天成精密机械项目。';
    expect(datesOf(text, '华锐')).not.toContain('2024-03-08');
    const started =
      '3月8日,青山经济开发区举行重点项目集中开工仪式。华锐新能源电池项目总投资12亿元,天成精密机械项目总投资5亿元。';
    expect(datesOf(started, '华锐')).toContain('2024-03-08');
  });

  it('the day a reporter or an official looks at a project is not a step of it, nor a photo’s day', () => {
    const visited = '5月20日上午,记者走进华锐新能源电池项目建设现场,工人们正在安装设备。该项目总投资12亿元。';
    expect(datesOf(visited, '华锐')).not.toContain('2024-05-20');
    const caption = '天成精密机械项目总投资5亿元,达产后年产值10亿元。图为5月20日天成精密机械项目建设现场。';
    expect(datesOf(caption, '天成')).not.toContain('2024-05-20');
  });

  it('a dispatch’s dateline (青山日报5月10日讯) dates nothing unless its event was that day', () => {
    const dispatch =
      '青山日报5月10日讯 年初以来,青山县新签约项目12个,总投资60亿元。华锐新能源电池项目总投资12亿元,天成精密机械项目总投资5亿元。';
    expect(datesOf(dispatch, '华锐')).not.toContain('2024-05-10');
    const sameDay =
      '青山日报5月10日讯 今天,青山县重点项目集中签约仪式举行,总投资60亿元。华锐新能源电池项目总投资12亿元,天成精密机械项目总投资5亿元。';
    expect(datesOf(sameDay, '华锐')).toContain('2024-05-10');
  });

  it('a bare 今年 with a step already taken dates nothing; a plan for 年内 does', () => {
    const signed = '华锐新能源电池项目是今年签约落户的重点项目,总投资12亿元,主要建设电池生产线。';
    expect(datesOf(signed, '华锐')).not.toContain('2024');
    const planned = '华锐新能源电池项目总投资12亿元,目前厂房主体已完工,预计年内投产。';
    expect(datesOf(planned, '华锐')).toContain('2024');
  });

  it('a statistics cut-off (截至6月底) dates no step of the projects counted', () => {
    const text = '华锐新能源电池项目总投资12亿元。截至6月底,该项目已开工建设,累计完成投资3亿元。';
    expect(datesOf(text, '华锐')).not.toContain('2024-06');
  });

  it('a year naming a batch (2024年第二批) dates nothing that happened', () => {
    const text = '青山区2024年第二批重点项目集中开工暨华锐新能源电池项目开工仪式举行,该项目总投资12亿元。';
    expect(datesOf(text, '华锐')).not.toContain('2024');
  });
});

describe('parks that place no project', () => {
  it('a verb alone before 开发区 is the sentence’s, not a park’s name', () => {
    expect(findParks('项目建成后将进一步助推开发区产业发展。').map((p) => p.name)).toEqual(['开发区']);
    expect(findParks('华锐项目位于青山高新区。').map((p) => p.name)).toEqual(['青山高新区']);
  });

  it('a 产业园 followed by 项目 is a project’s own name, not the park of the project before it', () => {
    const text =
      '华锐集团拟投资20亿元的电缆生产项目正式签约。会后,市领导出席了“青山眼镜产业园—眼镜之都”项目开工仪式。';
    expect(parkOf(text, '电缆生产')).toBeNull();
  });

  it('a 产业园 whose own 建设情况 is reported is a project, not the park of the project before it', () => {
    const text =
      '华锐新能源电池项目总投资12亿元,目前主体已完工。座谈会上,县招商中心汇报了青山绿色建材产业园建设情况。';
    expect(parkOf(text, '华锐')).toBeNull();
  });

  it('a zone joined to other places as the owners of a batch is no project’s park', () => {
    const text =
      '2月8日,全市10个县区和青山合作创新区新开工项目共30个,总投资300亿元。其中,华锐新能源电池项目总投资12亿元。';
    expect(parkOf(text, '华锐')).toBeNull();
    const signed = '2月8日,青山经济开发区与华锐集团签约,华锐新能源电池项目总投资12亿元,将建设电池生产线。';
    expect(parkOf(signed, '华锐')).toBe('青山经济开发区');
  });
});
