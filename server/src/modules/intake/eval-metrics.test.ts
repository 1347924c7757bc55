import { describe, expect, it } from 'vitest';
import { type GoldProject, nameSimilarity, scoreProjects } from './eval-metrics';
import { extractArticle } from './extract';

const gold = (over: Partial<GoldProject>): GoldProject => ({
  project: '',
  companies: [],
  investment_cny: null,
  capacity: null,
  jobs: null,
  output_value_cny: null,
  tax_cny: null,
  stage: null,
  park: null,
  dates: [],
  ...over,
});

describe('eval metrics', () => {
  it('matches project names by normalised containment or bigram overlap', () => {
    expect(nameSimilarity('红星家居综合体项目', '红星家居综合体')).toBe(1);
    expect(nameSimilarity('年产3万吨纸项目', '造船厂')).toBe(0);
  });
  it('scores fields on matched projects and counts misses and extras', () => {
    const predicted = extractArticle(
      '北河科技有限公司投资2亿元建设年产1万套门窗项目，预计新增就业200人。',
    ).projects;
    const labels = [
      gold({
        project: '年产1万套门窗项目',
        companies: ['北河科技有限公司'],
        investment_cny: 200_000_000,
        jobs: 200,
        capacity: '年产1万套门窗',
      }),
      gold({ project: '不存在的项目', investment_cny: 1 }),
    ];
    const m = scoreProjects(labels, predicted);
    expect(m.score.project).toEqual({ tp: 1, predicted: 1, gold: 2 });
    expect(m.score.investment_cny).toEqual({ tp: 1, predicted: 1, gold: 2 });
    expect(m.score.jobs.tp).toBe(1);
    expect(m.score.capacity.tp).toBe(1);
    expect(m.score.companies.tp).toBe(1);
    expect(m.missed.map((g) => g.project)).toEqual(['不存在的项目']);
  });
  it('reads metres of fabric, blocks and pieces (支) as capacity quantities', () => {
    const predicted = extractArticle(
      '北河纺织有限公司投资2亿元建设织布项目，建成后年产高档面料1000万米、餐盒3亿支。',
    ).projects;
    const capacity = (label: string) =>
      scoreProjects([gold({ project: '北河纺织有限公司项目', capacity: label })], predicted).score.capacity
        .tp;
    expect(capacity('1000万米')).toBe(1);
    expect(capacity('年产3亿支')).toBe(1);
    expect(capacity('2000万米')).toBe(0);
  });
  it('reads an English size written with a hyphen (a 3,000-ton plant) as a quantity in tons', () => {
    const predicted = extractArticle(
      'Lakeview Fibre started its 3,000-ton aramid fibre project on Monday.',
    ).projects;
    const capacity = (label: string) =>
      scoreProjects([gold({ project: 'aramid fibre project', capacity: label })], predicted).score.capacity
        .tp;
    expect(capacity('3,000-ton')).toBe(1);
    expect(capacity('3000 tons')).toBe(1);
    expect(capacity('5,000-ton')).toBe(0);
  });
  it('reads a project at full production (达产) as in production (投产), the closest stage a label holds', () => {
    const predicted = extractArticle('青山科技项目相继落户，并建设达产。').projects;
    const stage = (label: string) =>
      scoreProjects([gold({ project: '青山科技项目', stage: label })], predicted).score.stage.tp;
    expect(predicted[0]?.stage?.stage).toBe('达产');
    expect(stage('投产')).toBe(1);
    expect(stage('签约')).toBe(0);
  });
  it('takes a zone’s short and full forms as one park, and another zone as another', () => {
    const predicted = extractArticle(
      '河北青石高新技术产业开发区华远年产1万套门窗项目开工，总投资2亿元。',
    ).projects;
    const park = (name: string) =>
      scoreProjects([gold({ project: '华远年产1万套门窗项目', park: name })], predicted).score.park.tp;
    expect(park('青石高新区')).toBe(1);
    expect(park('河北青石高新技术产业开发区')).toBe(1);
    expect(park('青石经开区')).toBe(0);
  });
});
