import { beforeAll, describe, expect, it } from 'vitest';
import { findFirmMentions, findParks } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { tagWords } from './firm-short-names';
import { judgeProjectStem } from './project-concreteness';

// The word segmenter loads its dictionary on first use (most of a second, more under load): once, here,
// so that no test's own time includes it.
beforeAll(() => {
  tagWords('预热');
}, 60_000);

// Invented sentences for the field-precision rules of the round of heldout13: whose a project is, and
// which park it is in, which stage it has reached, and what names no project.
describe('firm names without the words of the sentence before them', () => {
  const names = (text: string) => findFirmMentions(text).map((f) => f.name);

  it('a pronoun, particle or adverb before 集团/公司 leaves no firm named there', () => {
    expect(names('这标志着该集团的新材料项目正式进入施工阶段。')).toEqual([]);
    expect(names('他们在新疆注册了公司，开展种植。')).toEqual([]);
    expect(names('我们充分借鉴集团的管理经验。')).toEqual([]);
  });

  it('a preposition heading a legal name is cut off; a brand tagged as a verb stays', () => {
    expect(names('新能源矿山成套设备数字化工厂项目由临工重机股份有限公司投资建设。')).toEqual([
      '临工重机股份有限公司',
    ]);
    expect(names('远航智能装备股份有限公司投资5亿元。')).toEqual(['远航智能装备股份有限公司']);
    expect(names('吉林某化学工业有限公司投资3亿元。')).toEqual(['吉林某化学工业有限公司']);
  });
});

/** The single project whose name contains `name`, as the rules read it from `text`. */
const projectNamed = (text: string, name: string) =>
  projectsOf(text).find((p) => !p.isAggregate && p.name.includes(name));

describe('which park a project is in', () => {
  const parkOf = (text: string, name: string) => projectNamed(text, name)?.park?.name ?? null;

  it('a 产业园 ending where a firm’s legal form begins is the firm’s name, not a park', () => {
    const text =
      '项目于2022年1月6日正式签约，投资主体为华光科技产业园有限公司，总投资10亿元，建设智能制造产业园项目。';
    for (const p of projectsOf(text)) expect(p.park?.name ?? null).not.toBe('华光科技产业园');
  });

  it('a zone heading an item of a list is that item’s park, not every item’s', () => {
    const text =
      '截至6月底，东台捷皇精密电子、盐都牧东光电、盐南高新区德利迅达云计算产业基地等17个项目已开工建设。';
    expect(parkOf(text, '德利迅达')).toBe('盐南高新区');
    expect(parkOf(text, '捷皇')).toBeNull();
  });

  it('a park written short (循环园区) is the park the text named in full', () => {
    const parks = findParks('梧州循环经济产业园区位于龙圩区。循环园区内，再生铜项目总投资20亿元。');
    expect(parks.map((p) => p.name)).toEqual(['梧州循环经济产业园区', '梧州循环经济产业园区']);
  });

  it('a 临空区 is a zone a project lands in', () => {
    const text = '雄鹰中国研发生产总部中心项目落地长沙自贸临空区，规划用地430亩。';
    expect(parkOf(text, '雄鹰')).toBe('长沙自贸临空区');
  });
});

describe('which stage a project has reached', () => {
  const stageOf = (text: string, name: string) => projectNamed(text, name)?.stage?.stage ?? null;

  it('an exhortation (早竣工、早投产) and 投产在即 are goals, not stages reached', () => {
    const text =
      '区领导督促项目加快进度，推动项目快建设、早竣工、早投产。华盛精密模具项目总投资4亿元，目前厂房主体已完工。';
    expect(stageOf(text, '华盛精密模具')).toBe('主体完工');
    expect(stageOf('宏达年产3亿支餐盒项目设备安装完毕，投产在即。', '餐盒')).toBe('设备调试');
  });

  it('正式进入施工阶段 after a groundbreaking is a start; 紧锣密鼓推进 is under way', () => {
    expect(stageOf('振华新材料产业园项目开工仪式举行，项目正式进入施工阶段。', '振华新材料')).toBe('开工');
    expect(stageOf('上汽大众朗逸技改项目正在紧锣密鼓推进，总投资约50亿元。', '朗逸')).toBe('在建');
  });
});

describe('stems that name no project (this round)', () => {
  it('kinds of investor, programmes of returning merchants and demonstratives name none', () => {
    expect(judgeProjectStem('湖南省标志性外资').concrete).toBe(false);
    expect(judgeProjectStem('一季度浙商回归').concrete).toBe(false);
    expect(judgeProjectStem('这批回归').concrete).toBe(false);
    expect(judgeProjectStem('重大主导产业').concrete).toBe(false);
    expect(judgeProjectStem('山东济宁第一').concrete).toBe(false);
    expect(judgeProjectStem('维龙嘉兴城际配送中心').concrete).toBe(true);
  });
});

describe('dates of a report’s lead', () => {
  it('the date of an inspection dates no project; the date of a groundbreaking does', () => {
    const inspected = projectNamed(
      '7月2日下午，常州国家高新区举行重大项目督查活动。华盛精密模具项目总投资4亿元，目前厂房主体已完工。',
      '华盛精密模具',
    );
    expect(inspected?.dates.map((d) => d.date)).not.toContain('2024-07-02');
    const started = projectNamed(
      '7月2日上午，常州国家高新区举行重大项目集中开工活动。华盛精密模具项目总投资4亿元。',
      '华盛精密模具',
    );
    expect(started?.dates.map((d) => d.date)).toContain('2024-07-02');
  });
});
