import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';
import { organisationalHead, recurringHead } from './firm-name-heads';

// Invented names and sentences: firms the dictionary cannot tell from ordinary words.
describe('organisationalHead', () => {
  it('reads a works named with 厂 at the head of a project name', () => {
    expect(organisationalHead('华东机械厂数控机床项目')).toBe('华东机械厂');
    expect(organisationalHead('万顺食品厂建厂项目')).toBe('万顺食品厂');
  });

  it('takes no factory building, utility works or bare 工厂 for a firm', () => {
    expect(organisationalHead('标准厂房建设项目')).toBeNull();
    expect(organisationalHead('城东污水处理厂提标改造项目')).toBeNull();
    expect(organisationalHead('智能工厂扩产项目')).toBeNull();
  });
});

describe('recurringHead', () => {
  const name = '中利钢铁特钢板材升级项目';
  const mention = [{ start: 0, end: name.length }];

  it('takes a head the text writes again on its own for the firm', () => {
    const text = `${name}总投资5亿元。在中利钢铁总控室，负责人介绍了进度。`;
    expect(recurringHead(text, name, mention)).toBe('中利钢铁');
  });

  it('takes nothing when the head is only written inside the name', () => {
    expect(recurringHead(`${name}总投资5亿元。`, name, mention)).toBeNull();
  });

  it('takes no recurring topic that does not end like a firm', () => {
    const n = '新经济服务平台项目';
    const text = `${n}总投资3亿元。新经济发展势头良好。`;
    expect(recurringHead(text, n, [{ start: 0, end: n.length }])).toBeNull();
  });
});

describe('companies of projects named after a firm', () => {
  const companies = (text: string) =>
    projectsOf(text)
      .filter((p) => !p.isAggregate)
      .map((p) => p.companies.map((c) => c.name));

  it('gives a listed item headed by a works its company', () => {
    expect(companies('签约了东方数码产业园项目、华东机械厂数控机床项目等6个项目。')).toContainEqual([
      '华东机械厂',
    ]);
  });

  it('gives a project its firm when the text names the firm again', () => {
    expect(
      companies('中利钢铁特钢板材升级项目总投资5亿元，目前已开工建设。在中利钢铁总控室，负责人介绍了进度。'),
    ).toEqual([['中利钢铁']]);
  });
});

describe('a group heading a name', () => {
  it('is the project’s company; 集团化 and a group’s legal name are not read as its head', () => {
    expect(organisationalHead('人本集团轴承系列项目')).toBe('人本集团');
    expect(organisationalHead('云帆集团化运营平台项目')).toBeNull();
    expect(organisationalHead('云帆集团有限公司轴承项目')).toBeNull();
  });
});
