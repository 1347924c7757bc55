import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { findHeadlessNames } from './headless-names';

// Invented sentences for the rules of session 14's round, written from the errors of read held-out
// batches (4–18): which stage reaches which list, when one sentence lists projects by stage.
const LEAD = '近日记者从市发改委获悉有关情况。今年全市项目建设成效明显。\n';

const stageByName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p.stage?.stage ?? null]),
  );

describe('stages of lists in one sentence', () => {
  it('keeps a stage that opens the next ;-clause off the list counted before it', () => {
    const s = stageByName(
      '此次集中开竣工项目20个。其中，开工项目包括东湖大道景观提升工程、华茂生物食用菌工厂化、翔宇日用品填充剂等14个;竣工项目包括华博高性能过滤材料、汇鑫建材水泥生产线等6个。',
    );
    expect(s.get('东湖大道景观提升工程项目')).toBe('开工');
    expect(s.get('翔宇日用品填充剂项目')).toBe('开工');
    expect(s.get('华博高性能过滤材料项目')).toBe('竣工验收');
  });

  it('gives each ;-clause its own stage when the first clause counts its list with a total', () => {
    const s = stageByName(
      '当天的开工项目有华宇精密铸件厂房、东海生物标准厂房、南岭商业广场等8个,总投资12亿元;竣工项目有北辰肉类加工和嘉禾饲料生产等4个,总投资7亿元。',
    );
    expect(s.get('华宇精密铸件厂房项目')).toBe('开工');
    expect(s.get('南岭商业广场项目')).toBe('开工');
    expect(s.get('北辰肉类加工项目')).toBe('竣工验收');
  });

  it('reads 集中竣工 as a completion held, and keeps it out of the name after it', () => {
    const s = stageByName(
      '其中,集中开工华宇精密铸件二期、东海生物检测试剂等项目6个;集中竣工南岭电子一期、北辰新材料产业园等项目6个,涉及新能源、新材料等产业。',
    );
    expect(s.get('东海生物检测试剂项目')).toBe('开工');
    expect(s.get('南岭电子一期项目')).toBe('竣工验收');
    expect(s.get('北辰新材料产业园项目')).toBe('竣工验收');
  });
});

describe('a step stated before the clause that names the first project', () => {
  it('is what the earlier clause’s subject did, not the project named after it', () => {
    const s = stageByName(
      '华宇食品有限公司饮料生产线、万吨小食品生产线建设已建成投产，东海生物制品有限公司年产5000吨木糖生产线、南山肉类加工有限公司肉类屠宰及深加工项目、青石物流中心建设项目等正在加紧建设。',
    );
    expect(s.get('南山肉类加工有限公司肉类屠宰及深加工项目')).toBe('在建');
    expect(s.get('东海生物制品有限公司年产5000吨木糖生产线项目')).toBe('在建');
  });

  it('still frames the name when it does not end its clause', () => {
    const s = stageByName('在开工的项目中，方大航空发动机维修基地项目是一个亮点，总投资38亿元。');
    expect(s.get('方大航空发动机维修基地项目')).toBe('开工');
  });
});

describe('words that open a list', () => {
  it('keeps 项目涵盖 out of the first item’s name', () => {
    const s = stageByName(
      '此次集中开工的10个重大项目，总投资40亿元。项目涵盖新型装饰材料生产项目、高端芯片贴片生产项目等。',
    );
    expect([...s.keys()]).toContain('新型装饰材料生产项目');
    expect([...s.keys()].some((n) => n.includes('涵盖'))).toBe(false);
  });
});

describe('lists of a share counted in 项', () => {
  const text =
    '4月16日，青石县举行转型项目集中开工仪式。今年以来，全县共谋划年度重点工程项目56项，总投资约400亿元。今天集中开工项目共22项，总投资120亿元，其中：产业转型类项目12项，具体为：华远文化创意产业园、和丰固废、晶源纳米钙、水北湾、唐丰物流园、隆盛农产品物流园等。';

  it('reads the names after 具体为 with the batch’s stage, passing over a short name it cannot prove', () => {
    const s = stageByName(text);
    expect(s.get('和丰固废项目')).toBe('开工');
    expect(s.get('隆盛农产品物流园项目')).toBe('开工');
    expect(s.has('水北湾项目')).toBe(false);
  });

  it('takes a name followed by a count of 项 as a class of projects, not one project', () => {
    const all = projectsOf(LEAD + text);
    expect(all.some((p) => !p.isAggregate && p.name.includes('年度重点工程'))).toBe(false);
  });

  it('still reads a list of names closed by a count as projects', () => {
    const s = stageByName(
      '绿城河湟建设项目、华录数据湖项目、润丰农产品交易中心项目3项计划参加集中签约活动。',
    );
    expect(s.has('润丰农产品交易中心项目')).toBe(true);
  });
});

describe('the one step of a report’s batches', () => {
  it('gives no step to a project without one when the report also counts a batch completed', () => {
    const s = stageByName(
      '今年本市重大工程共安排正式项目191项，年内新开工项目8项，建成项目8项。一起来看看吧。\n华远生物抗体产业化基地建设项目一期，总投资10亿元。',
    );
    expect(s.get('华远生物抗体产业化基地建设项目')).toBeNull();
  });
});

describe('a progress report’s ；-series of plants', () => {
  it('reads each clause that opens with a line, station or works as that project, with its stage', () => {
    const s = stageByName(
      '至目前，全区重点项目进展顺利。华丰麦芽公司年产4万吨麦芽生产线已投产；青河农场8000吨番茄生产线，正在考察定购生产设备；石岭二级水电站，引水渠、厂房土方工程已开工建设；龙溪电站扩容改造工程正在实施土建工程；宏远建材公司80万立方米新型材料生产线，已完成厂区及道路改建。',
    );
    expect(s.get('华丰麦芽公司年产4万吨麦芽生产线项目')).toBe('投产');
    expect(s.has('青河农场8000吨番茄生产线项目')).toBe(true);
    expect(s.has('石岭二级水电站项目')).toBe(true);
    expect(s.has('龙溪电站扩容改造工程项目')).toBe(true);
  });

  it('does not take what a clause says is built, or a substation of the park, as a project', () => {
    const names = findHeadlessNames(
      '园区基础设施不断完善。建设2条锂离子动力电池生产线，已完成设备安装；110千伏变电站已建成投运；污水处理厂已投入使用；园区道路已全面完工。',
    ).map((n) => n.name);
    expect(names.some((n) => n.includes('生产线'))).toBe(false);
    expect(names.some((n) => n.includes('变电站'))).toBe(false);
  });
});

describe('a list of firms that started', () => {
  it('reads the first firm after the words that place the list (位于…的)', () => {
    const s = stageByName(
      '2月28日，位于青石县经济开发区智能制造产业园的安徽华远智能装备公司、安徽拓丰工程机械公司、安徽戈林工程装备公司等6家企业顺利开工。',
    );
    expect(s.get('安徽华远智能装备公司项目')).toBe('开工');
    expect(s.get('安徽戈林工程装备公司项目')).toBe('开工');
  });
});

describe('a step a part of the batch took', () => {
  it('is not the step of every project the report names', () => {
    const s = stageByName(
      '至目前，年初确定的40项重点项目已开工建设29项，开工率达72.5%。华远固体废弃物综合利用项目正在进行厂房改建。',
    );
    expect(s.get('华远固体废弃物综合利用项目')).not.toBe('开工');
  });

  it('still gives the batch’s signing to the projects of a report that counts the batch itself', () => {
    const s = stageByName('当天，青石镇签约3个招商引资项目。\n华远仓储物流中心项目总投资2亿元。');
    expect(s.get('华远仓储物流中心项目')).toBe('签约');
  });
});

describe('siblings of a named project in a 、-list', () => {
  it('reads the lines and plants of the list as projects too, with the list’s stage and their firms', () => {
    const all = projectsOf(
      `${LEAD}其中，青石工业园区开工建设项目117项，总投资32.8亿元。华远生物制品有限公司年产5000吨木糖生产线、天丰肉类加工有限公司肉类屠宰及深加工项目、青河铝型材有限公司年产1万吨铝合金型材生产线等正在加紧建设。`,
    ).filter((p) => !p.isAggregate);
    const line = all.find((p) => p.name.startsWith('青河铝型材有限公司'));
    expect(line?.capacity?.asWritten).toContain('1万吨');
    expect(line?.companies.map((c) => c.name)).toContain('青河铝型材有限公司');
    expect(all.some((p) => p.name.startsWith('华远生物制品有限公司年产5000吨木糖生产线'))).toBe(true);
  });

  it('leaves a list with no project named by 项目 alone', () => {
    const all = projectsOf(`${LEAD}园区建成了污水处理厂、综合服务中心、标准厂房等配套设施。`);
    expect(all.some((p) => p.name.includes('综合服务中心'))).toBe(false);
  });
});

describe('words before a name', () => {
  it('drop the event joined by 暨 and a size class, but keep a name that 暨 joins inside', () => {
    const names = [
      ...stageByName(
        '青石县重大项目集中开竣工暨华松科技光伏自动化设备二期项目开工仪式举行。百亿级华迪动力电池项目进展顺利。500万头生猪循环经济暨绿色食品精深加工综合项目总投资30亿元。',
      ).keys(),
    ];
    expect(names).toContain('华松科技光伏自动化设备二期项目');
    expect(names.some((n) => n.startsWith('华迪动力电池'))).toBe(true);
    expect(names.some((n) => n.startsWith('500万头生猪循环经济暨'))).toBe(true);
  });
});

describe('a share of a batch named again by its count and kind', () => {
  it('takes the step of the batch it was counted in', () => {
    const s = stageByName(
      '在继3月上旬集中签约一批重大项目后，青石片区又于3月15日组织了今年第一批27个建设项目集中开工。\n据介绍，此次集中开工的27个建设项目总投资近127亿元。其中，有产业发展类项目13个、城市功能完善类项目6个。\n6个城市功能完善类项目分别是华云广场、青台广场、陆和商业中心。',
    );
    expect(s.get('华云广场项目')).toBe('开工');
    expect(s.get('陆和商业中心项目')).toBe('开工');
  });
});

describe('a sentence that lists the batch of the sentence before it', () => {
  it('gives its names the step the counted batch took', () => {
    const s = stageByName(
      '1—10月，全区已有45个产业项目实现新开工建设，完成投资195.7亿元。包括华远纺织有限公司150万锭棉纺纱建设项目、青河能源化工有限公司6万吨聚甲醛项目等。',
    );
    expect(s.get('华远纺织有限公司150万锭棉纺纱建设项目')).toBe('开工');
    expect(s.get('青河能源化工有限公司6万吨聚甲醛项目')).toBe('开工');
  });

  it('reads a yearly investment target exceeded as building under way', () => {
    const s = stageByName(
      '此外，华丰聚乳酸材料生产建设项目、青河电子产业园项目等9个产业项目超额完成年度投资目标任务。',
    );
    expect(s.get('华丰聚乳酸材料生产建设项目')).toBe('在建');
  });
});

describe('a project of a batch with only planned steps of its own', () => {
  it('takes the step the batch took rather than reading its plan as building under way', () => {
    const s = stageByName(
      '3月16日，青石港区2个重点项目集中开工。\n青石港区疏港大道二期工程项目，总投资9.1亿元，全长8.79公里，计划2027年9月完工。',
    );
    expect(s.get('青石港区疏港大道二期工程项目')).toBe('开工');
  });
});
