import { describe, expect, it } from 'vitest';
import { type DispatchRow, summarise } from '../report/dispatch-report.task';
import { type RollupInput, roundRollups } from '../round/round-rollup';
import { actualsOf, type ProjectFacts, selects } from './target.task';

const f = (p: Partial<ProjectFacts>): ProjectFacts => ({
  park: null,
  officerId: null,
  chainId: null,
  signed: false,
  investment: 0,
  started: false,
  funds: 0,
  fai: 0,
  exports: 0,
  ...p,
});

describe('target actuals roll up the records of the unit', () => {
  const facts = [
    f({
      park: 'A',
      chainId: 'pet',
      signed: true,
      investment: 560_000_000,
      started: true,
      funds: 10,
      fai: 20,
    }),
    f({ park: 'A', officerId: 'o1', signed: false, investment: 100, funds: 5 }),
    f({ park: 'B', chainId: 'pet', officerId: 'o1', signed: true, investment: 40_000_000, exports: 7 }),
  ];
  it('zone takes every project; park, team and chain their own', () => {
    expect(actualsOf(facts.filter(selects('zone', 'z')))).toEqual({
      projects_signed: 2,
      investment_signed: 600_000_000,
      projects_started: 1,
      funds_in_place: 15,
      fixed_asset_investment: 20,
      exports: 7,
    });
    expect(actualsOf(facts.filter(selects('park', 'A'))).projects_signed).toBe(1);
    expect(actualsOf(facts.filter(selects('team', 'o1'))).funds_in_place).toBe(5);
    expect(actualsOf(facts.filter(selects('chain', 'pet'))).investment_signed).toBe(600_000_000);
  });
});

describe('dispatch report roll-ups', () => {
  const row = (p: Partial<DispatchRow>): DispatchRow => ({
    projectId: 'x',
    code: 'x',
    name: 'x',
    park: null,
    chain: null,
    officer: null,
    stage: 'started',
    totalInvestment: 0,
    reported: false,
    late: false,
    investmentPeriod: 0,
    investmentInStats: false,
    fundsPeriod: 0,
    exportsPeriod: 0,
    outputPeriod: null,
    taxPeriod: null,
    investmentCumulative: 0,
    investmentCumulativeStated: null,
    fundsCumulative: 0,
    narrative: null,
    problems: null,
    lateMilestones: [],
    overdueRequests: 0,
    totalInvestmentStated: null,
    overdueRequestItems: [],
    ...p,
  });
  it('counts started/producing and sums per chain, park and officer, new figures as extra columns', () => {
    const s = summarise([
      row({
        chain: '宠物',
        park: 'A',
        officer: '王专员',
        stage: 'producing',
        totalInvestment: 100,
        reported: true,
        investmentPeriod: 10,
        investmentInStats: true,
        investmentCumulative: 60,
        fundsCumulative: 40,
        outputPeriod: 7,
        taxPeriod: 2,
      }),
      row({ chain: '宠物', park: 'B', stage: 'land', totalInvestment: 50, problems: '用电' }),
      row({
        park: 'A',
        officer: '王专员',
        stage: 'structure_done',
        totalInvestment: 30,
        reported: true,
        late: true,
        investmentPeriod: 5,
        investmentCumulative: 25,
        exportsPeriod: 3,
        lateMilestones: [{ name: 'm', planned: '2024-01-01', days: 3 }],
      }),
    ]);
    expect(s).toMatchObject({
      projects: 3,
      started: 2,
      producing: 1,
      reported: 2,
      lateReports: 1,
      investmentPeriod: 15,
      investmentInStats: 10,
      investmentCumulative: 85,
      fundsCumulative: 40,
      lateProjects: 1,
      blocked: 1,
    });
    const base = { exportsPeriod: 0, fundsPeriod: 0, fundsCumulative: 0, outputPeriod: 0, taxPeriod: 0 };
    expect(s.byChain).toEqual([
      {
        ...base,
        key: '宠物',
        projects: 2,
        reported: 1,
        late: 0,
        totalInvestment: 150,
        investmentPeriod: 10,
        investmentInStats: 10,
        investmentCumulative: 60,
        fundsCumulative: 40,
        outputPeriod: 7,
        taxPeriod: 2,
      },
      {
        ...base,
        key: '未归链',
        projects: 1,
        reported: 1,
        late: 1,
        totalInvestment: 30,
        investmentPeriod: 5,
        investmentInStats: 0,
        investmentCumulative: 25,
        exportsPeriod: 3,
      },
    ]);
    expect(s.byPark.find((g) => g.key === 'A')?.projects).toBe(2);
    expect(s.byOfficer.map((g) => [g.key, g.projects, g.investmentCumulative])).toEqual([
      ['王专员', 2, 85],
      ['未分配专员', 1, 0],
    ]);
  });
});

describe('round roll-ups: zone, park, chain, officer add up to the same totals', () => {
  const input = (p: Partial<RollupInput>): RollupInput => ({
    park: null,
    chain: null,
    officer: null,
    totalInvestment: 0,
    reported: true,
    late: false,
    investmentPeriod: 0,
    investmentInStats: true,
    fundsPeriod: 0,
    exportsPeriod: 0,
    outputPeriod: null,
    taxPeriod: null,
    investmentCumulative: 0,
    fundsCumulative: 0,
    ...p,
  });
  const rows = [
    input({
      park: 'A',
      chain: '宠物',
      officer: 'o1',
      totalInvestment: 9,
      investmentPeriod: 4,
      fundsPeriod: 2,
    }),
    input({
      park: 'B',
      chain: '宠物',
      officer: 'o2',
      totalInvestment: 5,
      investmentPeriod: 6,
      investmentInStats: false,
    }),
    input({ park: 'B', officer: 'o1', totalInvestment: 5, reported: false, investmentCumulative: 11 }),
  ];
  const r = roundRollups(rows, '全区');
  it('every grouping sums to the zone', () => {
    expect(r.zone).toMatchObject({
      key: '全区',
      projects: 3,
      reported: 2,
      investmentPeriod: 10,
      investmentInStats: 4,
      fundsPeriod: 2,
      investmentCumulative: 11,
    });
    for (const list of [r.byPark, r.byChain, r.byOfficer]) {
      expect(list.reduce((s, g) => s + g.investmentPeriod, 0)).toBe(r.zone.investmentPeriod);
      expect(list.reduce((s, g) => s + g.investmentInStats, 0)).toBe(r.zone.investmentInStats);
      expect(list.reduce((s, g) => s + g.projects, 0)).toBe(3);
    }
  });
  it('groups are ordered by total investment, ties by name', () => {
    expect(r.byPark.map((g) => g.key)).toEqual(['B', 'A']);
    expect(r.byOfficer.map((g) => g.key)).toEqual(['o1', 'o2']);
    expect(r.byChain.map((g) => g.key)).toEqual(['宠物', '未归链']);
  });
});
