import { describe, expect, it } from 'vitest';
import { brandIsPlaceOrPark, nameAfterHeadingPark } from './brand-context';
import { findDates, parseArticleDate } from './date-parser';
import { type FirmMention, findFirmMentions } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { isSigningCounterpart } from './firm-roles';
import { isListOfKinds, judgeProjectStem } from './project-concreteness';
import { isAboutPlace } from './sentence-subject';
import { findStages } from './stage-signal';

// Invented sentences for the precision rules of the round of heldout11: what is no project, whose a
// project is, and which stage it has reached.
describe('stems that name no project', () => {
  it('a stem closed by a conjunction is half of a coordination (招商引资和项目建设)', () => {
    expect(judgeProjectStem('我乡招商引资和').concrete).toBe(false);
    expect(judgeProjectStem('天福养老产业').concrete).toBe(true);
  });

  it('a year masked in a template is a time, not a code (20XX年技术改造)', () => {
    expect(judgeProjectStem('20XX年技术改造').concrete).toBe(false);
    expect(judgeProjectStem('2023年20GW光伏组件').concrete).toBe(true);
  });

  it('a stem that lists projects for a plan names none (列入…两批次基本建设)', () => {
    expect(judgeProjectStem('列入银川市两批次基本建设').concrete).toBe(false);
  });

  it('single-character materials in a row make one noun (镁锂合金装备制造)', () => {
    expect(judgeProjectStem('镁锂合金装备制造').concrete).toBe(true);
    expect(judgeProjectStem('县食用菌').concrete).toBe(false);
  });

  it('a report heading about 项目建设情况 yields no project', () => {
    const projects = projectsOf('现将我乡招商引资和项目建设情况汇报如下。三、20XX年技术改造项目情况。');
    expect(projects.filter((p) => !p.isAggregate)).toEqual([]);
  });
});

const NO_SOURCE = { source: 'legal-suffix', knownId: null, declaredAlias: null } as const;

describe('whose a project is', () => {
  it('a brand the text writes with an administrative unit is a place (华容 of 华容县)', () => {
    const text = '华容县委书记查看了华容创新创业园标准化厂房二期建设项目。';
    expect(brandIsPlaceOrPark(text, '华容创新创业园标准化厂房二期建设项目', '华容')).toBe(true);
    expect(brandIsPlaceOrPark('宝丰市场繁荣。宝丰储能电池项目开工。', '宝丰储能电池项目', '宝丰')).toBe(
      false,
    );
  });

  it('a park heading a project name is where it is; the brand is the one past it', () => {
    expect(brandIsPlaceOrPark('', '苏银产业园莱卡氨纶纤维项目', '苏银')).toBe(true);
    expect(nameAfterHeadingPark('苏银产业园莱卡氨纶纤维项目', '苏银')).toBe('莱卡氨纶纤维项目');
    expect(nameAfterHeadingPark('美的厨热智能家电产业园项目', '美的厨热')).toBeNull();
  });

  it('a listed item the text then reports on its own takes its brand as company (eval README: 鲁斑)', () => {
    const text =
      '签约的项目分别是共享单车项目、鲁斑智能农业机械生产项目、世艺淘园工贸项目。计划投资8500万元的鲁斑智能农业机械生产项目建成后主要从事农机生产。';
    const project = projectsOf(text).find((p) => p.name.includes('鲁斑'));
    expect(project?.companies.map((c) => c.name)).toEqual(['鲁斑']);
    const listedOnly = projectsOf(text).find((p) => p.name.includes('世艺淘园'));
    expect(listedOnly?.companies).toEqual([]);
  });

  it('a state investment platform that signs with a firm is not the investor', () => {
    const text = '大观区发展投资有限公司与安庆盈江化工有限公司成功签订甲醛生产项目投资协议。';
    const platform: FirmMention = {
      name: '大观区发展投资有限公司',
      start: 0,
      end: 11,
      legal: true,
      ...NO_SOURCE,
    };
    const investor: FirmMention = {
      name: '安庆盈江化工有限公司',
      start: 12,
      end: 22,
      legal: true,
      ...NO_SOURCE,
    };
    expect(isSigningCounterpart(text, platform, text.length)).toBe(true);
    expect(isSigningCounterpart(text, investor, text.length)).toBe(false);
    const project = projectsOf(text).find((p) => p.name.includes('甲醛'));
    expect(project?.companies.map((c) => c.name)).toEqual(['安庆盈江化工有限公司']);
  });

  it('a platform that sets a project up with others is still one of its companies', () => {
    const text = '作为台安县城投公司联合设立的重点项目，安九公司总投资3.28亿元。';
    const platform: FirmMention = { name: '台安县城投公司', start: 2, end: 9, legal: true, ...NO_SOURCE };
    expect(isSigningCounterpart(text, platform, text.length)).toBe(false);
  });
});

describe('the stage a project has reached', () => {
  it('production running normally is production (正常生产)', () => {
    expect(findStages('色纺纱项目2号车间正常生产。').map((s) => s.stage)).toEqual(['投产']);
  });

  it('money spent so far says the project is being built', () => {
    const stages = findStages('该项目总投资8.1亿元，目前已完成投资1.62亿元。');
    expect(stages.map((s) => [s.stage, s.planned])).toEqual([['在建', false]]);
    expect(findStages('今年计划完成投资4亿元。').every((s) => s.planned)).toBe(true);
    expect(findStages('截至目前，已经完成固定资产投资额3.6亿元。').map((s) => s.stage)).toEqual(['在建']);
    expect(findStages('已累计投入3000余万元完善配套设施。').map((s) => s.stage)).toEqual(['在建']);
  });

  it('a works package named after equipment installation is no stage reached', () => {
    const stages = findStages('项目设备安装工程于今年7月25日正式开工，建设正如火如荼地进行。');
    expect(stages.map((s) => s.stage)).toEqual(['开工', '在建']);
  });
});

describe('dates of a project', () => {
  it('a number with 号 before a noun is a serial number, not a day', () => {
    const base = parseArticleDate('2013-04-27');
    expect(findDates('1号车间设备开始安装', base)).toEqual([]);
    expect(findDates('本月3号上午开工', base).map((d) => d.date)).toEqual(['2013-04-03']);
  });

  it('年初 after a written year is that year’s start', () => {
    const dates = findDates('计划在2013年年初竣工投产', parseArticleDate('2012-08-23'));
    expect(dates.map((d) => d.date)).toEqual(['2013-01']);
  });

  it('keeps the day a sentence opens with; a clause with its own date keeps its event', () => {
    const text =
      '12月25日，苏银产业园莱卡氨纶纤维项目建设正如火如荼地进行，该项目总投资8.1亿元。项目计划明年1月30日前完成建设，整体设备计划明年6月中旬调试完毕。';
    const project = projectsOf(text, '2024-12-26').find((p) => p.name.includes('莱卡'));
    expect(project?.dates.map((d) => [d.date, d.event])).toEqual([
      ['2024-12-25', '如火如荼'],
      ['2025-01-30', '完成建设'],
      ['2025-06', '调试'],
    ]);
  });

  it('drops a date with no event that does not open its sentence', () => {
    const project = projectsOf('华美食品项目总投资2亿元，记者于5月8日在项目现场看到工人忙碌。').find((p) =>
      p.name.includes('华美'),
    );
    expect(project?.dates).toEqual([]);
  });

  it('a lead on a groundbreaking and a signing stages no project by itself', () => {
    const text =
      '11月2日，开州区举行招商引资重点项目集中开工、签约仪式。总投资超百亿元的玄武岩纤维复合新材料产业应用科技城项目，拟建立院士专家工作站。';
    const project = projectsOf(text, '2023-11-03').find((p) => p.name.includes('玄武岩'));
    expect(project?.stage).toBeNull();
  });

  it('reaching the designed output is 达产', () => {
    expect(findStages('预计2025年可达到年产500万台套的生产能力。').map((s) => s.stage)).toEqual(['达产']);
  });
});

describe('the park of a project', () => {
  it('a 产业园 the report is about and that hosts named projects is their park', () => {
    const text =
      '苏银产业园今年13个项目建成投产\n12月25日，苏银产业园莱卡氨纶纤维项目建设正如火如荼地进行，该项目总投资8.1亿元。苏银产业园相关负责人介绍，宝丰储能电池项目稳步推进。';
    const parks = projectsOf(text, '2024-12-26')
      .filter((p) => !p.isAggregate)
      .map((p) => p.park?.name ?? null);
    expect(parks).toEqual(['苏银产业园', '苏银产业园']);
  });

  it('a 产业园 that is only a project’s own name is no park', () => {
    const parks = projectsOf('芜湖美的厨热智能家电产业园项目总投资50亿元，今年开工建设。').map((p) => p.park);
    expect(parks).toEqual([null]);
  });
});

describe('facts of the place, slogans and verbs around names', () => {
  it('a sentence about the park’s statistics gives nothing to the project in focus', () => {
    expect(isAboutPlace('1-8月，园区90户规上企业实现工业总产值53.93亿元')).toBe(true);
    expect(isAboutPlace('2011年园区实现工业总产值220亿元')).toBe(true);
    expect(isAboutPlace('该项目总投资5亿元')).toBe(false);
    const text =
      '安吉纳新材料项目建成并试生产。1-8月，园区90户规上企业实现工业总产值53.93亿元，完成固定资产投资22.83亿元。';
    const project = projectsOf(text).find((p) => p.name.includes('安吉纳'));
    expect(project?.investment).toBeNull();
  });

  it('links of a chain and backbone are kinds of project, not names (补链强链骨干)', () => {
    expect(judgeProjectStem('有补链强链骨干').concrete).toBe(false);
  });

  it('a count of big ones (台州两大项目) and kinds of facility (文化生活设施) name no project', () => {
    expect(judgeProjectStem('台州两大').concrete).toBe(false);
    expect(judgeProjectStem('文化生活设施').concrete).toBe(false);
    expect(judgeProjectStem('京东方OLED微显示屏').concrete).toBe(true);
  });

  it('parallel four-character phrases of a slogan are no list of projects', () => {
    expect(isListOfKinds(['启动实施“道路黑化', '园区亮化', '公共绿化', '环境美化”'])).toBe(true);
    expect(isListOfKinds(['宝丰储能电池', '宏基特种石墨', '志福光伏组件'])).toBe(false);
  });

  it('a list picked out of a class of projects (…项目中A、B等) starts at its first item', () => {
    const names = projectsOf(
      '75个项目中，已开复工50个项目，其中22个重大产业项目中现代农业物流园、嘉钢精密等14个项目已复工。',
    )
      .filter((p) => !p.isAggregate)
      .map((p) => p.name);
    expect(names).toContain('现代农业物流园项目');
  });

  it('verbs of the report before a firm’s name are not part of it', () => {
    const firms = findFirmMentions('正在跟踪洽谈飞尚集团、物联网传感器芯片等20余个项目。');
    expect(firms.map((f) => f.name)).toEqual(['飞尚集团']);
  });
});
