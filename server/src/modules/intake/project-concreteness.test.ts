import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { isConcreteStem, isListOfKinds, judgeProjectStem } from './project-concreteness';
import { findProjectNames } from './project-names';

describe('judgeProjectStem: does the text before 项目 name one project?', () => {
  it.each([
    ['定点屠宰场'],
    ['锂电池材料'],
    ['万力联兴迁建'],
    ['南山文化生态园'],
    ['20GW高效晶硅电池'],
    ['年产5万辆LNG汽车'],
    ['信义六期'],
    ['沈抚科技小镇'],
    ['吉利新能源'],
  ])('%s is a name', (stem) => {
    expect(judgeProjectStem(stem)).toEqual({ concrete: true, reason: null });
  });

  it.each([
    ['见证', 'clause'],
    ['力促', 'clause'],
    ['抓发展必须抓', 'clause'],
    ['实地调研新能源产业', 'clause'],
    ['电子信息产业', 'sector'],
    ['高科技', 'sector'],
    ['培训', 'too-short'],
    ['诸多', 'quantity'],
    ['第二期', 'quantity'],
    ['大体量', 'sector'],
    ['广谋', 'too-short'],
    ['早建', 'too-short'],
    ['协(xié)调(diào)解决', 'sector'],
    ['扬州经济技术开发区', 'sector'],
    ['邛崃市2012年百亿', 'sector'],
    ['自治区重点产业', 'sector'],
    ['敢闯敢拼', 'sector'],
    ['产业二期', 'sector'],
    ['黑龙江海林市2019年秋季招商引资', 'sector'],
    ['广西壮族自治区新签招商引资', 'sector'],
    ['绥化首批产业', 'sector'],
  ])('%s names no project (%s)', (stem, reason) => {
    const j = judgeProjectStem(stem);
    expect(j.concrete).toBe(false);
    expect(j.reason).toBe(reason);
  });

  it('a list of one- and two-character kinds is not a list of projects', () => {
    expect(isListOfKinds(['赛事', '研学', '培训', '旅游'])).toBe(true);
    expect(isListOfKinds(['兴泉铁路', '南山文化生态园'])).toBe(false);
  });
});

describe('findProjectNames keeps only concrete names', () => {
  it('a verb or sector word before 项目 becomes a reference, a named project stays', () => {
    const text =
      '县领导共同见证项目签约。会议要求力促项目落地，抓好电子信息产业项目。渝东阀门生产项目总投资3000万元。';
    const names = findProjectNames(text, []);
    const named = names.filter((n) => !n.reference).map((n) => n.name);
    expect(named).toEqual(['渝东阀门生产项目']);
    expect(names.filter((n) => n.reference)).toHaveLength(3);
  });

  it('a two-character stem that is part of a firm named in the text is kept (安九项目)', () => {
    const text = '辽宁安九动物营养食品有限公司投资建设。安九项目总投资3.28亿元。';
    const firms = [
      {
        name: '辽宁安九动物营养食品有限公司',
        start: 0,
        end: 14,
        legal: true,
        source: 'legal-suffix' as const,
        knownId: null,
        declaredAlias: null,
      },
    ];
    expect(
      findProjectNames(text, firms)
        .filter((n) => !n.reference)
        .map((n) => n.name),
    ).toEqual(['安九项目']);
    expect(findProjectNames('会议要求，广谋项目，勤跑项目。', []).filter((n) => !n.reference)).toEqual([]);
  });

  it('a park joined by 及 stays inside the name', () => {
    const names = findProjectNames('签约项目包括利讯智能制造产业园及平台项目。', []);
    expect(names.filter((n) => !n.reference).map((n) => n.name)).toContain('利讯智能制造产业园及平台项目');
  });
});

describe('amounts and counts before 项目', () => {
  it('an amount of money or a count of firms is no part of a name', () => {
    expect(isConcreteStem('约80亿元高端装备')).toBe(false);
    expect(isConcreteStem('吸引了10家优质储备')).toBe(false);
    expect(isConcreteStem('投资3000万美元')).toBe(false);
  });

  it('what follows the amount can still name a project', () => {
    expect(isConcreteStem('总投资5亿元的鑫瑞达智能包装生产基地')).toBe(true);
    expect(isConcreteStem('年产5万吨高端宠物食品')).toBe(true);
  });
});

describe('other projects and officials’ words', () => {
  it('a stem that starts with 其他 or holds an official’s words names no project', () => {
    expect(isConcreteStem('其他精密铸造')).toBe(false);
    expect(isConcreteStem('副市长王某明宣布')).toBe(false);
    expect(projectsOf('会上，副市长王某明宣布项目开工。')).toEqual([]);
  });
});

describe('where a name starts', () => {
  const projects = (text: string) =>
    projectsOf(text).map((p) => ({ name: p.name, investment: p.investment?.yuan ?? null }));

  it('a 产业园 heading a name is part of it, not a park to cut off', () => {
    expect(projects('投资10亿元的泰航医疗健康产业园医疗器械生产项目开工。')).toEqual([
      { name: '泰航医疗健康产业园医疗器械生产项目', investment: 1e9 },
    ]);
  });

  it('the batch whose members a sentence opens is not part of the first name', () => {
    expect(
      projects('东城本次集中开工的项目包含华光东城产业园项目，该项目总投资120亿元，建设用地约4500亩。'),
    ).toEqual([{ name: '华光东城产业园项目', investment: 1.2e10 }]);
  });

  it('a facility a project in focus builds is part of that project', () => {
    const text =
      '华光石英管深加工项目在开发区签约。该项目总投资1.3亿元，将建设6台套石英管生产线，建成后年产值可达6亿元。';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['华光石英管深加工项目']);
  });

  it('a facility built on a stated plot of land (建设占地约500亩的…产业园) is a project', () => {
    expect(
      projectsOf('东城区引进华光投资有限公司投资50亿元，建设占地约500亩的高端智能装备制造产业园。'),
    ).toMatchObject([{ name: '高端智能装备制造产业园', investment: { yuan: 5e9 } }]);
  });
});

describe('weak evidence names no project (the intake abstains rather than guess)', () => {
  it.each([
    ['年度重点援疆', 'sector'],
    ['产业援疆', 'sector'],
    ['县食用菌', 'sector'],
    ['信息技术', 'sector'],
    ['将借鉴集团在国外食用菌', 'clause'],
    ['分3期组织开发援疆食用菌', 'clause'],
    ['做好食用菌这一', 'clause'],
    ['科技型中小企业技术创新基金', 'sector'],
    ['战略性新兴产业和科技创新型', 'sector'],
  ])('%s is not a name (%s)', (stem, reason) => {
    expect(judgeProjectStem(stem)).toEqual({ concrete: false, reason });
  });

  it.each([['县物流园'], ['农贸市场'], ['污水处理厂'], ['标准化厂房']])(
    '%s is a facility being built, a name',
    (stem) => {
      expect(isConcreteStem(stem)).toBe(true);
    },
  );

  it('a list whose item counts places (策勒、于田、民丰三县) is a list of places', () => {
    expect(isListOfKinds(['策勒', '于田', '民丰三县开展了食用菌科技园'])).toBe(true);
    expect(isListOfKinds(['华光石英管', '东城冷链物流中心'])).toBe(false);
  });

  it('a policy meeting and a grant name no project; a firm-named project beside them still does', () => {
    const names = projectsOf(
      '东城县召开产业援疆项目推进会，部署年度重点援疆项目。华光公司承担的科技型中小企业技术创新基金项目通过验收。华光石英管深加工项目总投资1.3亿元。',
    ).map((p) => p.name);
    expect(names).toEqual(['华光石英管深加工项目']);
  });

  it('与 between two nouns joins them as 及 does; before a firm it still opens a clause', () => {
    expect(judgeProjectStem('青禾半导体研发与产业化').concrete).toBe(true);
    expect(judgeProjectStem('青禾半导体研发及产业化').concrete).toBe(true);
    expect(judgeProjectStem('与该公司').concrete).toBe(false);
  });

  it('a description closed by 的, a stem closed by 暨 and an official announcing name no project', () => {
    expect(judgeProjectStem('占地面积900多亩的').concrete).toBe(false);
    expect(judgeProjectStem('总规模205兆瓦的').concrete).toBe(false);
    expect(judgeProjectStem('招商环境推介会暨').concrete).toBe(false);
    expect(judgeProjectStem('市长斯琴毕力格宣布').concrete).toBe(false);
    expect(judgeProjectStem('青禾205兆瓦光伏').concrete).toBe(true);
  });

  it('places by their suffix, governments and quarters before kind words name no project; a zone heading a name still does', () => {
    expect(judgeProjectStem('荆州市公安县产业').concrete).toBe(false);
    expect(judgeProjectStem('一季度黔南州重点招商引资').concrete).toBe(false);
    expect(judgeProjectStem('省政府三季度重大产业').concrete).toBe(false);
    expect(judgeProjectStem('青山县产业集聚区绿色新能源').concrete).toBe(true);
  });

  it('a stem running through 签订, 投身, 紧抓 or 组织 is the sentence, not a name', () => {
    expect(judgeProjectStem('各企业代表签订').concrete).toBe(false);
    expect(judgeProjectStem('全体职工投身').concrete).toBe(false);
  });

  it('a meeting or its hall names no project', () => {
    expect(judgeProjectStem('活动分会场').concrete).toBe(false);
    expect(judgeProjectStem('贸易洽谈会青石州招商引资').concrete).toBe(false);
    expect(judgeProjectStem('华远会展中心').concrete).toBe(true);
  });

  it('people counted or a bare year are no figure that makes a stem specific', () => {
    expect(judgeProjectStem('200余名工人铆足干劲投身').concrete).toBe(false);
    expect(judgeProjectStem('青石市组织2025').concrete).toBe(false);
    expect(judgeProjectStem('华远2025智造').concrete).toBe(true);
    expect(judgeProjectStem('青石200兆瓦光伏').concrete).toBe(true);
  });

  it('a verb led by an adverb of effort (大力开展) opens the sentence, not a name', () => {
    expect(judgeProjectStem('大力开展招商引资').concrete).toBe(false);
    expect(judgeProjectStem('积极推进产业升级').concrete).toBe(false);
    expect(judgeProjectStem('华远大力新材料').concrete).toBe(true);
  });

  it('广泛开展, 深入推进 and a verb with its result (谋深抓实) open the sentence too (session 16)', () => {
    expect(judgeProjectStem('广泛开展').concrete).toBe(false);
    expect(judgeProjectStem('深入推进产业招商').concrete).toBe(false);
    expect(judgeProjectStem('谋深抓实').concrete).toBe(false);
    expect(judgeProjectStem('华远深入新材料').concrete).toBe(true);
  });
});
