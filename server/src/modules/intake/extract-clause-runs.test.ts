import { describe, expect, it } from 'vitest';
import { buildCleanText } from './clean-text';
import { projectsOf } from './extract-test-helpers';

// Invented sentences for session 18's rules: a half-width ; in Chinese text ends a clause as ； does, and
// the rules that read a ；-run (其中 …；…；…, 东区4个：…；西区3个：…) read it across the clauses; the project in
// focus is found by what the sentence names, however far into the article it stands; and firms named
// around projects (a builder, signers in a list, a speaker's employer) make no project of their own.
const LEAD =
  '近日记者从市发改委获悉有关情况。今年全市招商引资工作成效明显。各部门通力协作。园区服务持续优化。';

const byName = (text: string) =>
  new Map(
    projectsOf(LEAD + text)
      .filter((p) => !p.isAggregate)
      .map((p) => [p.name, p]),
  );

describe('clauses and runs of clauses', () => {
  it('folds a half-width semicolon in Chinese text to ； and leaves it in English text', () => {
    expect(buildCleanText('项目开工建设;投资4000万元').text).toBe('项目开工建设；投资4000万元');
    expect(buildCleanText('signed; started').text).toBe('signed; started');
  });

  it('ends a clause at a half-width semicolon, so a wish in one clause leaves the next clause done', () => {
    const p = byName(
      '投资20亿元的云帆储能电池项目正式签约,将打造全市首条储能电池生产线;投资1.5亿元的星河精密轴承项目开工建设;投资4000万元的远山专用车项目建成投产。',
    );
    expect(p.get('星河精密轴承项目')?.stage?.stage).toBe('开工');
    expect(p.get('远山专用车项目')?.stage?.stage).toBe('投产');
  });

  it('reads 及其 inside a project name (智能控制系统及其部件)', () => {
    const p = byName('投资1.2亿元的星河智能控制系统及其部件研发制造项目开工建设。');
    expect([...p.keys()]).toEqual(['星河智能控制系统及其部件研发制造项目']);
  });

  it('keeps what a project builds (配套建设…机组项目) inside it, deep into the article', () => {
    const p = byName(
      '其中云帆循环经济一体化项目计划总投资9亿元,主要建设内容为氯碱化工和2×150MW发电机组项目;星河年处理300万吨褐煤提质项目计划总投资7.6亿元,配套建设3×20MW余热发电机组项目;远山矿业采选项目总投资1.2亿元。',
    );
    expect([...p.keys()]).toEqual([
      '云帆循环经济一体化项目',
      '星河年处理300万吨褐煤提质项目',
      '远山矿业采选项目',
    ]);
  });

  it('gives the members counted off by place with a colon (西区3个：…) the batch step', () => {
    const p = byName(
      '二季度园区签约项目20个,投资总额约586亿元;产业基金项目2个。\n当天,还有9个项目集中开工,其中东区4个:云帆研发中心、星河立体停车设备、远山汽车零部件、青禾食品;西区3个:碧水医药物流、金石包装、银湖电子。',
    );
    expect(p.get('银湖电子项目')?.stage?.stage).toBe('开工');
  });

  it('gives "the projects" after a batch counted in the sentence to the batch, not to the project in focus', () => {
    const p = byName(
      '1月10日,全省举行重大项目集中开竣工活动,主会场设在星河智能装备产业园项目建设现场。\n此次集中开竣工重大项目300个,总投资1200亿元。其中开工项目200个,总投资900亿元;竣工项目100个,总投资300亿元,项目涵盖产业发展、基础设施等多个领域。\n在主会场开工的星河智能装备产业园项目,总投资80亿元。',
    );
    expect(p.get('星河智能装备产业园项目')?.stages.map((s) => s.stage)).not.toContain('竣工验收');
  });

  it('reads 已引进 before a project as its signing', () => {
    const p = byName('目前,园区已引进日产80片琉璃瓦项目入驻。');
    expect(p.get('日产80片琉璃瓦项目')?.stage?.stage).toBe('签约');
  });

  it('gives an amount joined by 的 to a quoted slogan and a name to that name', () => {
    const p = byName(
      '结构优化项目120项,包括星河钢铁公司合计投资12亿元的系列技改项目、云帆电力有限公司投资21.5亿元的“上大压小”热电联产项目等。',
    );
    expect(p.get('热电联产项目')?.investment?.yuan).toBe(2_150_000_000);
  });
});

describe('firms around the projects', () => {
  it('gives a firm that builds a project written here without 项目 to that project, not one of its own', () => {
    const p = byName(
      '新区物流项目涉及冷链、智能仓储等领域,具体包括星河云帆港冷链物流中心项目、青年创业孵化基地项目等。\n由云帆港务集团有限公司投资23亿元建设的星河冷链物流中心,将建精品水果库、肉类冷藏加工库。',
    );
    expect([...p.keys()]).toEqual(['星河云帆港冷链物流中心项目', '青年创业孵化基地项目']);
    const hub = p.get('星河云帆港冷链物流中心项目');
    expect(hub?.investment?.yuan).toBe(2_300_000_000);
    expect(hub?.companies.map((c) => c.name)).toEqual(['云帆港务集团有限公司']);
  });

  it('makes no project of a firm listed among the signers of a ceremony', () => {
    const p = byName(
      '签约项目涵盖食品加工、冷链物流等产业领域。当天现场成功签约云帆实业有限公司、星河集团、远山大学等8家企业、院校。开工项目包含产业化项目36个。',
    );
    expect([...p.keys()]).toEqual([]);
  });

  it('makes no project of a firm named for its speaker, but keeps the firm whose chairman signs', () => {
    const speaker = byName(
      '今天上午,云城县举行招商引资项目集中签约仪式,19个项目成功签约。星河新材料有限责任公司总经理李涛说,力争更多项目落户云城。\n云城县举行招商引资项目集中签约仪式,是落实全县招商引资工作的具体举措。',
    );
    expect([...speaker.keys()]).toEqual([]);
    const signer = byName(
      '10月23日,云城产业园区管委会主任张明与星河液压技术有限公司董事长万刚签订投资协议。该项目计划用地58.4亩,总投资1.8亿元。',
    );
    expect(signer.get('星河液压技术有限公司项目')?.investment?.yuan).toBe(180_000_000);
  });
});

describe('lists with items that name no project', () => {
  it('gives the stage that opens a list to every named item, past items the rules read as no name', () => {
    const p = byName('1-8月份,签约润滑油、云帆万喜汇、化肥、青山生物、远山药业等项目29个,其中工业项目13个。');
    expect([...p.values()].map((x) => [x.name, x.stage?.stage])).toEqual([
      ['云帆万喜汇项目', '签约'],
      ['青山生物项目', '签约'],
      ['远山药业项目', '签约'],
    ]);
  });

  it('starts a name after 主要有', () => {
    const p = byName('在谈项目累计40个。主要有星河光纤放大器产业化基地项目、云帆重卡零配件产业园等。');
    expect(p.has('星河光纤放大器产业化基地项目')).toBe(true);
  });
});

describe('a dateline', () => {
  it('is when the news was filed, not a date that makes a step planned', () => {
    const p = projectsOf(
      '云城网3月19日讯(记者 王明)昨日,云城投资区共有三个项目集中竣工,分别为星河机械生产制造项目、云帆产业园项目与青山实验学园项目。',
      '2020-03-18',
    ).filter((x) => !x.isAggregate);
    expect(p.map((x) => [x.name, x.stage?.stage])).toEqual([
      ['星河机械生产制造项目', '竣工验收'],
      ['云帆产业园项目', '竣工验收'],
      ['青山实验学园项目', '竣工验收'],
    ]);
  });
});

describe('steps taken one after another', () => {
  it('reports the last of them as reached (相继落户，并建设达产), not as a goal', () => {
    const p = byName('该镇积极招引产业项目，云帆新材料、星河科技等一批超亿元项目相继落户，并建设达产。');
    expect(p.get('云帆新材料项目')?.stage).toMatchObject({ stage: '达产', planned: false });
  });
});

describe('a listed name that is the core of a firm the article names in full', () => {
  it('has that firm as its company', () => {
    const p = byName(
      '近日，笔者走进江西云帆新材料科技有限公司施工现场看到，百余名工人忙碌在项目的各个角落。\n目前全区在建重点工业项目26个，其中视显高科、星河机械、云帆新材料等8个项目已经开工。',
    );
    expect(p.get('云帆新材料项目')?.companies.map((c) => c.name)).toEqual(['江西云帆新材料科技有限公司']);
  });
});

describe('a firm’s item with a 、 of its own', () => {
  it('keeps the part the firm heads in the name, but not a part that is a plant of its own', () => {
    const p = byName(
      '云帆石化有限公司100万吨劣质油深加工项目、青山油田技术服务有限公司管材修复、防腐内涂层现代化生产线项目、星河农业有限公司年产4万吨番茄酱加工生产线、远山物流中心建设项目等正在加紧建设。',
    );
    expect(
      p.get('青山油田技术服务有限公司管材修复、防腐内涂层现代化生产线项目')?.companies.map((c) => c.name),
    ).toEqual(['青山油田技术服务有限公司']);
    expect(p.has('远山物流中心建设项目')).toBe(true);
  });
});

describe('a quantity with a decimal point inside a name', () => {
  it('keeps the name whole and its works (厂) as the company, while a date like 8.28 names nothing', () => {
    const p = byName('云峰铁合金厂4×2.5万KVA硅铁项目建成投产。青山市8.28项目集中开工。');
    expect([...p.keys()]).toEqual(['云峰铁合金厂4×2.5万KVA硅铁项目']);
    expect(p.get('云峰铁合金厂4×2.5万KVA硅铁项目')?.companies.map((c) => c.name)).toEqual(['云峰铁合金厂']);
  });
});

describe('a sentence that opens with the firm of a project named before', () => {
  it('speaks of that project: its figures go there, not to the project named last', () => {
    const p = byName(
      '引进的重点项目有总投资42.9亿元的湖北云帆新能源电动客车和动力电池项目和总投资20亿元的深圳市星河电池有限公司汽车动力锂电池项目等。云帆新能源公司主要生产纯电动客车和电动汽车动力电池,达产后预计年产值130亿元,税收10亿元。星河电池项目建成后年产值可达40亿元。',
    );
    expect(p.get('湖北云帆新能源电动客车和动力电池项目')).toMatchObject({
      outputValue: { yuan: 13e9 },
      tax: { yuan: 1e9 },
    });
    expect(p.get('深圳市星河电池有限公司汽车动力锂电池项目')?.outputValue?.yuan).toBe(4e9);
  });
});

describe('a unit per day inside a name', () => {
  it('keeps the name whole across the slash (4500t/d)', () => {
    const p = byName('云帆水泥有限公司4500t/d旋窑水泥生产线暨9MW余热发电站技改项目竣工投产。');
    expect([...p.keys()]).toEqual(['云帆水泥有限公司4500t/d旋窑水泥生产线暨9MW余热发电站技改项目']);
  });
});

describe('a total after a list closed by its count', () => {
  it('is the batch’s, though words stand between the count and 项目', () => {
    const p = byName(
      '据悉，本次集中开工的项目包括云帆装备智造产业园(一期)、星河中药材加工基地建设项目、远山新型建材生产线二期项目等75个市县两级重点项目,总投资193.86亿元。',
    );
    expect(p.get('远山新型建材生产线二期项目')?.investment ?? null).toBeNull();
  });

  it('is the batch’s after a count with what the batch does (3项计划参加…，投资金额达…)', () => {
    const p = byName(
      '云帆五彩河湟建设项目、星河城市数据湖项目、远山农产品交易中心项目3项计划参加集中签约专题活动,投资金额达120亿元。',
    );
    expect([...p.keys()]).toEqual(['云帆五彩河湟建设项目', '星河城市数据湖项目', '远山农产品交易中心项目']);
    expect([...p.values()].map((x) => x.investment)).toEqual([null, null, null]);
  });

  it('is the batch’s when the count stands in a clause of its own (…项目，4项参加网络签约，项目共计投资40亿元)', () => {
    const p = byName(
      '云帆文化产业园项目、星河疫苗生产基地项目、远山商品交易中心项目,3项参加网络签约,项目共计投资40亿元。',
    );
    expect([...p.values()].map((x) => x.investment)).toEqual([null, null, null]);
  });
});

describe('a count of big ones (6大项目)', () => {
  it('is a batch, and the figures of its clause are the batch’s', () => {
    const all = projectsOf(
      LEAD +
        '随后,我县还签约了云帆光伏电站、星河有机硅、远山电子等5大项目。6大项目共签约投资达19.92亿元,投产后年上缴税收3160万元以上。',
    );
    expect(all.filter((p) => !p.isAggregate).map((p) => p.investment)).toEqual([null, null, null]);
    expect(all.find((p) => p.isAggregate)?.investment?.yuan).toBe(1_992_000_000);
  });
});

describe('a list of what a zone plans to develop', () => {
  it('names no project', () => {
    const p = byName(
      '在建设化学工业园区之初，开发区就确立了发展方向：依托云帆石化公司的原料资源，规划发展建设烃重组设备、苯酚丙酮扩能改造、丁基橡胶设备等项目。',
    );
    expect([...p.keys()]).toEqual([]);
  });
});

describe('a list of the fields a batch covers', () => {
  it('names no project', () => {
    const p = byName(
      '本次签约项目聚焦三大主导产业,包括航空飞行器制造、航空发动机、航空核心零部件、电子电器制造等项目,投资来源地集中在长三角地区。',
    );
    expect([...p.keys()]).toEqual([]);
  });
});

describe('who a signing names', () => {
  it('reads the firm past its ranking (500强企业), and a county before a capacity as no company', () => {
    const p = byName(
      '由青山县人民政府与中国500强企业云帆集团有限公司签约的青山县年产20万吨再生资源综合循环利用项目，项目投资额11.35亿元。',
    );
    expect(p.get('青山县年产20万吨再生资源综合循环利用项目')?.companies.map((c) => c.name)).toEqual([
      '云帆集团有限公司',
    ]);
  });
});

describe('an amount written right before a name, without 的', () => {
  it('is not part of the name and is that name’s amount, not the next one’s', () => {
    const p = byName('总投资150亿元云帆磷酸铁锂项目已经签约，总投资30亿元星河电池项目推进签约。');
    expect([...p.values()].map((x) => [x.name, x.investment?.yuan])).toEqual([
      ['云帆磷酸铁锂项目', 15e9],
      ['星河电池项目', 3e9],
    ]);
  });
});

describe('a brand that ends in a stop character', () => {
  it('stays in the name when the segmenter knows it as a name (美的)', () => {
    const p = byName('总投资50亿元的芜湖美的厨热智能家电产业园项目实现当年签约。');
    expect([...p.keys()]).toEqual(['芜湖美的厨热智能家电产业园项目']);
  });
});

describe('a plus, an ampersand or a middle dot inside a name', () => {
  it('joins the parts of one name', () => {
    const p = byName('开工项目包括云帆光储+生态治理项目、星河集成电路先进封装&智能电器制造项目。');
    expect([...p.keys()]).toEqual(['云帆光储+生态治理项目', '星河集成电路先进封装&智能电器制造项目']);
  });
});

describe('a named park followed only by its phase', () => {
  it('is the project itself', () => {
    const p = byName('云帆港产业创新示范园区(一期)项目正式开工，总投资20亿元。');
    expect([...p.keys()]).toEqual(['云帆港产业创新示范园区(一期)项目']);
  });
});
