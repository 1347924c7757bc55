import { describe, expect, it } from 'vitest';
import { buildCleanText } from './clean-text';
import { projectsOf } from './extract-test-helpers';
import { findStages } from './stage-signal';

// Invented sentences for the rules of the heldout16 round: list items written without 项目 (clauses
// separated by ；, numbered items, facilities with their own stage) and a batch's stage reaching them.
const LEAD = '近日记者从县发改委获悉有关情况。今年全县招商引资工作成效明显。\n';

const byName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p]),
  );

describe('list items without 项目', () => {
  it('gives a counted batch its stage and each item of the list opened after it the same stage', () => {
    const all = projectsOf(
      `${LEAD}昨日，某区6个重大项目集中开工，总投资5亿元，包括宏达精密铸件加工、华宇物流园等4个项目。`,
    );
    expect(all.find((p) => p.isAggregate)?.stage?.stage).toBe('开工');
    const p = new Map(all.filter((x) => !x.isAggregate).map((x) => [x.name, x]));
    expect(p.get('宏达精密铸件加工项目')?.stage?.stage).toBe('开工');
    expect(p.get('华宇物流园项目')?.stage?.stage).toBe('开工');
  });

  it('reads the items of a ；-list after their descriptions, without their brands as companies', () => {
    const p = byName(
      '12个项目集中开工，包括投资12亿元的省重点工程星河新材料产业园二期;由上市公司投资的泰和精密陶瓷制造基地;推动乡村振兴的光伏发电项目等。',
    );
    expect(p.get('星河新材料产业园二期项目')?.investment?.yuan).toBe(1_200_000_000);
    expect(p.get('星河新材料产业园二期项目')?.companies).toEqual([]);
    expect(p.has('泰和精密陶瓷制造基地项目')).toBe(true);
  });

  it('carries the stage of a ；-list over the items the splitter puts in sentences of their own', () => {
    const p = byName('本次开工项目包括：年产3万吨特种纸生产线；华东机械智能制造基地；恒瑞生物医药产业园。');
    for (const name of ['年产3万吨特种纸生产线项目', '华东机械智能制造基地项目', '恒瑞生物医药产业园项目'])
      expect(p.get(name)?.stage?.stage, name).toBe('开工');
    expect(p.get('华东机械智能制造基地项目')?.park).toBeNull();
  });

  it('reads numbered items (一是…二是…) of a batch of projects', () => {
    const p = byName(
      '本次集中开工的项目，一是年产10万吨再生铝生产线，二是华美服饰产业园，三是安达冷链物流中心。',
    );
    expect(p.get('华美服饰产业园项目')?.stage?.stage).toBe('开工');
    expect(p.get('安达冷链物流中心项目')?.companies).toEqual([]);
    expect(p.get('年产10万吨再生铝生产线项目')?.capacity?.items[0]?.value).toBe(100_000);
  });

  it('reads no project from numbered points of a work report', () => {
    expect(
      byName('今年工作有三个特点：一是加快推进产业园建设，二是优化营商环境，三是建设人才中心。').size,
    ).toBe(0);
  });

  it('reads a park, base or line that is the subject of its own stage, after an adverb too', () => {
    const p = byName('目前，总投资30亿元的华星集团产学研创业园已经启动，交付后将产生50亿元的销售收入。');
    expect(p.get('华星集团产学研创业园')?.investment?.yuan).toBe(3_000_000_000);
    expect(findStages('恒通汽车座椅生产线动建。').map((s) => s.stage)).toEqual(['开工']);
  });

  it('does not read a line of the project its clause names as a project of its own', () => {
    const p = byName('宏发食品有限公司的薯类加工园项目薯粉、薯条生产线已投产，冷库已投入使用。');
    expect([...p.keys()].some((n) => n.includes('生产线'))).toBe(false);
  });

  it('reads no project from a kind of investment (外商投资项目多)', () => {
    expect(byName('今年开工项目呈现投资额高、外商投资项目多、产业结构优的特点。').size).toBe(0);
  });

  it('removes pinyin debris with a space before its closing parenthesis', () => {
    const src = '自主創(chuàng )新產業園';
    expect(buildCleanText(src, [{ start: 0, end: src.length }]).text).not.toContain('chuàng');
  });

  it('reads a ；-list whose items carry their own figures after a comma', () => {
    const p = byName('签约项目分别为：星辰光电显示模组生产基地，总投资20亿元；东源冷链物流园，总投资5亿元。');
    expect(p.get('星辰光电显示模组生产基地项目')?.investment?.yuan).toBe(2_000_000_000);
    expect(p.get('东源冷链物流园项目')?.stage?.stage).toBe('签约');
  });

  it('reads the list of a counted batch opened by 中，有 and of a class named by its stage (…的项目有)', () => {
    const p = byName('本次开工的12个项目中，有宏远纸业年产10万吨包装纸生产线、天成机械智能制造产业园等。');
    expect(p.get('天成机械智能制造产业园项目')?.stage?.stage).toBe('开工');
    const q = byName('竣工投产的项目有：华宇电子元器件生产基地二期、恒泰物流园一期。');
    expect(q.get('恒泰物流园一期项目')?.stage?.stage).toBe('投产');
  });

  it('splits the last item of an opened list joined by 和', () => {
    const p = byName('此次签约的4个项目分别是恒远智能装备制造基地、绿源生物科技产业园和东方农产品加工中心。');
    expect(p.has('绿源生物科技产业园项目')).toBe(true);
    expect(p.has('东方农产品加工中心项目')).toBe(true);
  });

  it('drops the words opening a list from its first item (代表性项目有A…)', () => {
    const p = byName('本次开工的代表性项目有星河人工智能研发生产基地、华信新能源装备产业园等项目。');
    expect(p.has('星河人工智能研发生产基地项目')).toBe(true);
  });

  it('reads a completion written with 了 as done, not as a goal', () => {
    const p = byName(
      '今年，总投资80亿元的星河新能源电池产业园建成了电芯、模组等生产工厂，预计可实现年产值200亿元。',
    );
    expect(p.get('星河新能源电池产业园')?.stage).toMatchObject({ stage: '竣工验收', planned: false });
  });

  it('keeps 和 inside a firm name that opens with a place (福州和盛), not as a conjunction', () => {
    const p = byName('宁州和盛食品有限公司二期项目总投资1亿元，明年竣工。');
    expect(p.get('宁州和盛食品有限公司二期项目')?.companies.map((c) => c.name)).toEqual([
      '宁州和盛食品有限公司',
    ]);
    const q = byName('华润公司和恒大公司合作建设星河物流园项目，总投资5亿元。');
    expect(q.get('星河物流园项目')?.companies.map((c) => c.name)).toEqual(['华润公司', '恒大公司']);
  });

  it('reads numbered items of a ；-list (1.A；2.B) without their numbers and brands', () => {
    const p = byName(
      '签约项目分别是：1.星辰光电显示模组生产基地；2.华瑞新能源汽车零部件产业园；3.东源冷链物流园。',
    );
    expect(p.get('华瑞新能源汽车零部件产业园项目')?.companies).toEqual([]);
    expect(p.get('东源冷链物流园项目')?.stage?.stage).toBe('签约');
  });

  it('reads a project that 启动 with nothing after the verb as started, and 启动 with an object as no stage', () => {
    expect(findStages('星河智能装备项目在这里启动。').map((s) => s.stage)).toEqual(['开工']);
    expect(findStages('华星产学研创业园已经启动，明年交付。').map((s) => s.stage)).toEqual(['开工']);
    expect(findStages('全县启动招商引资百日行动。')).toEqual([]);
  });

  it('reads no project from kinds of project (传统产业升级改造和创新能力建设项目)', () => {
    const p = byName('其中制造业项目721个，包括战略性新兴产业、传统产业升级改造和创新能力建设项目。');
    expect(p.size).toBe(0);
  });

  it('reads numbered items listed under a heading (…项目如下：), one per line or paragraph', () => {
    const head = '5月8日，县里举行项目集中开工仪式。本次集中开工项目如下：';
    for (const gap of ['\n', '\n\n']) {
      const p = byName(
        `${head}${gap}1.星辰光电显示模组生产基地；${gap}2.华瑞新能源汽车零部件产业园；${gap}3.东源冷链物流园。`,
      );
      for (const name of [
        '星辰光电显示模组生产基地项目',
        '华瑞新能源汽车零部件产业园项目',
        '东源冷链物流园项目',
      ])
        expect(p.get(name)?.stage?.stage, name).toBe('开工');
    }
  });
});

// Invented sentences for the list shapes of session 13: a batch split into shares (a count and a colon
// before each list), and a class of projects written 开工项目有 (without 的) opening its list.
describe('shares of a batch and classes that open a list', () => {
  it('each share’s items are projects, with the batch’s stage and the zone heading their share', () => {
    const found = byName(
      '当天,还有9个项目集中开工,其中园区本部5个:瑞达研发中心、远帆汽车电子、青禾食品、东坪医药物流、华锦包装;临港经济区4个:海帆船舶配件、北岭生物、南湖汽车零部件、西岗智能装备制造产业园。',
    );
    expect(found.get('远帆汽车电子项目')?.stage?.stage).toBe('开工');
    expect(found.get('北岭生物项目')?.park?.name).toBe('临港经济区');
    expect(found.get('西岗智能装备制造产业园项目')?.stage?.stage).toBe('开工');
    expect(found.size).toBe(9);
  });

  it('开工项目有A、B等N个 gives the listed items the stage that opens the list', () => {
    const found = byName(
      '当天的开工项目有瑞达精密轴承生产基地、青禾智慧冷链物流园、东坪标准厂房等11个,总投资25亿元。',
    );
    expect(found.get('青禾智慧冷链物流园项目')?.stage?.stage).toBe('开工');
    expect(found.get('东坪标准厂房项目')?.stage?.stage).toBe('开工');
  });
});

describe('words that hold a stop character', () => {
  it('共享 is a word of the name, not 共 (in all) cutting it', () => {
    const found = byName('青川县200MW共享储能建设项目总投资8亿元,今日开工。');
    expect([...found.keys()]).toEqual(['青川县200MW共享储能建设项目']);
  });
});

describe('a list opened among a class of projects counted before', () => {
  it('reads the items after 产业项目中，有 as projects, with their own figures', () => {
    const p = byName(
      '当天集中开工的26个重大项目中，产业项目共20个，总投资127.6亿元。产业项目中，有总投资50亿元的年产5万吨锂电池材料项目、总投资10亿元的青石产业协同创新中心等。',
    );
    expect(p.get('青石产业协同创新中心项目')?.investment?.yuan).toBe(1_000_000_000);
    expect(p.get('年产5万吨锂电池材料项目')?.investment?.yuan).toBe(5_000_000_000);
  });
});
