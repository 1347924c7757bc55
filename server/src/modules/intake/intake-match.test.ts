import { describe, expect, it } from 'vitest';
import type { FirmRecord, ProjectRecord } from './intake-match';
import {
  capacityFields,
  firmsNamedIn,
  matchFirm,
  matchProjects,
  nameSimilarity,
  normaliseProjectName,
  projectNameCore,
  storedCapacity,
} from './intake-match';
import { buildProposals, isZonePark } from './intake-proposals';
import type { ExtractedFirm, ExtractedProject } from './types';

const firm = (
  id: string,
  name: string,
  shortName: string | null = null,
  aliases: string[] = [],
): FirmRecord => ({
  id,
  name,
  shortName,
  aliases,
  tags: [],
  version: 1,
});
const extractedFirm = (name: string, aliases: string[] = []): ExtractedFirm => ({
  name,
  aliases,
  legalName: /公司$/.test(name),
  knownId: null,
  source: 'legal-suffix',
  spans: [{ start: 0, end: name.length }],
});
const project = (over: Partial<ProjectRecord>): ProjectRecord => ({
  id: 'p',
  name: '',
  stage: 'started',
  stageDate: null,
  officerId: null,
  investorIds: [],
  park: null,
  totalInvestment: null,
  expectedOutput: null,
  expectedTax: null,
  expectedJobs: null,
  capacityQuantity: null,
  capacityUnit: null,
  capacityProduct: null,
  contactName: null,
  version: 1,
  ...over,
});
const extractedProject = (name: string, over: Partial<ExtractedProject> = {}): ExtractedProject => ({
  name,
  aliases: [],
  span: { start: 0, end: name.length },
  mentions: [],
  companies: [],
  capacity: null,
  investment: null,
  outputValue: null,
  tax: null,
  jobs: null,
  exports: null,
  stage: null,
  stages: [],
  park: null,
  dates: [],
  contacts: [],
  isAggregate: false,
  ...over,
});

describe('intake matching', () => {
  it('scores names by shared bigrams, forgiving an added firm name', () => {
    expect(nameSimilarity('年产10万吨高端宠物食品', '乖宝宠物年产10万吨高端宠物食品')).toBeGreaterThan(0.85);
    expect(nameSimilarity('高端智能家居', '铜精深加工')).toBe(0);
    expect(normaliseProjectName('年产2万套产品的高端智能家居项目')).toBe('年产2万套产品高端智能家居');
    expect(projectNameCore('年产10万吨高端宠物食品项目')).toBe('高端宠物食品');
    expect(projectNameCore('年产2万套产品的高端智能家居项目')).toBe('高端智能家居');
  });

  it('matches a firm by normalised name, short name or alias, not by a different legal entity', () => {
    const firms = [
      firm('a', '乖宝宠物食品集团股份有限公司', '乖宝宠物', ['乖宝']),
      firm('b', '瀚洋重工有限公司', '瀚洋重工'),
      firm('c', '瀚洋重工装备制造(天津)有限公司'),
    ];
    expect(matchFirm(extractedFirm('乖宝宠物食品集团有限公司'), firms)?.record.id).toBe('a');
    expect(matchFirm(extractedFirm('乖宝'), firms)?.record.id).toBe('a');
    expect(matchFirm(extractedFirm('瀚洋重工装备制造（天津）有限公司'), firms)?.record.id).toBe('c');
    expect(matchFirm(extractedFirm('东岳智能装备有限公司'), firms)).toBeNull();
  });

  it('keeps only the register firms the text names (names up to 24 characters by set lookup)', () => {
    const firms = [
      firm('a', '乖宝宠物食品集团股份有限公司', '乖宝宠物'),
      firm('b', '祥光铜业'),
      firm('c', '华泰化工'),
    ];
    expect(firmsNamedIn('乖宝宠物在深交所上市；祥光铜业扩产。', firms).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('pairs projects by name, investor and capacity, each candidate once', () => {
    const candidates = [
      project({
        id: 'gb',
        name: '乖宝宠物年产10万吨高端宠物食品项目',
        investorIds: ['f1'],
        capacityQuantity: 10,
        capacityUnit: '万吨',
      }),
      project({
        id: 'hy',
        name: '瀚洋重工大型高端特种装备项目',
        investorIds: ['f2'],
        capacityQuantity: 5,
        capacityUnit: '万吨',
      }),
    ];
    const cap = (value: number) => ({
      items: [{ value, unit: '吨', product: null }],
      asWritten: '',
      span: { start: 0, end: 1 },
    });
    const extracted = [
      extractedProject('年产5万吨的大型高端专用设备制造项目', { capacity: cap(50_000) }),
      extractedProject('年产10万吨高端宠物食品项目', { capacity: cap(100_000) }),
      extractedProject('年产1万吨铜箔项目'),
    ];
    const ids = (p: ExtractedProject) => new Set(p.name.includes('设备') ? ['f2'] : []);
    const m = matchProjects(extracted, candidates, ids);
    expect(m.map((x) => x?.record.id ?? null)).toEqual(['hy', 'gb', null]);
  });

  it('converts capacities between 万 units and base units', () => {
    expect(storedCapacity(10, '万吨')).toEqual({ value: 100_000, unit: '吨' });
    expect(
      capacityFields({
        items: [{ value: 20_000, unit: '套', product: '智能家居' }],
        asWritten: '',
        span: { start: 0, end: 1 },
      }),
    ).toEqual({
      capacityQuantity: 2,
      capacityUnit: '万套',
      capacityProduct: '智能家居',
    });
  });

  it('reads 开发区 as the zone itself, not a park to record', () => {
    const zone = { name: '聊城经济技术开发区', shortName: '聊城经开区' };
    expect(isZonePark('开发区', zone)).toBe(true);
    expect(isZonePark('聊城经开区', zone)).toBe(true);
    expect(isZonePark('坤源宠物食品用品产业园', zone)).toBe(false);
  });

  it('proposes a forward stage move with the stated date, never a backward one', () => {
    const candidates = [project({ id: 'gb', name: '乖宝宠物年产10万吨高端宠物食品项目', stage: 'started' })];
    const article = (stage: '主体完工' | '签约') => ({
      title: null,
      byline: null,
      dateline: null,
      spans: [{ start: 0, end: 30 }],
      projects: [
        extractedProject('年产10万吨高端宠物食品项目', {
          stage: { stage, planned: false, asWritten: stage, span: { start: 0, end: 2 } },
          dates: [
            {
              date: '2024-08',
              precision: 'month' as const,
              event: stage,
              stage,
              planned: false,
              asWritten: '8月',
              span: { start: 3, end: 5 },
            },
          ],
        }),
      ],
      firms: [],
      people: [],
      parks: [],
      signals: [],
      figures: [],
    });
    const build = (stage: '主体完工' | '签约') =>
      buildProposals({
        articles: [article(stage)],
        firms: [],
        projects: candidates,
        zone: { name: '聊城经济技术开发区', shortName: '聊城经开区' },
        articleDate: '2024-08-27',
        today: '2024-09-01',
      }).drafts;
    expect(build('主体完工')).toEqual([
      expect.objectContaining({
        kind: 'update_project_stage',
        targetId: 'gb',
        payload: { to: 'structure_done', date: '2024-08-01' },
      }),
    ]);
    expect(build('签约')).toEqual([]);
  });
});
