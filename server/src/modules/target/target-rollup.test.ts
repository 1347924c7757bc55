import { describe, expect, it } from 'vitest';
import { summarise } from '../report/dispatch-report.task';
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
  const row = (p: Record<string, unknown>) => ({
    projectId: 'x',
    code: 'x',
    name: 'x',
    park: null,
    chain: null,
    stage: 'started',
    totalInvestment: 0,
    reported: false,
    late: false,
    investmentPeriod: 0,
    fundsPeriod: 0,
    investmentCumulative: null,
    narrative: null,
    problems: null,
    lateMilestones: [],
    overdueRequests: 0,
    ...p,
  });
  it('counts started/producing and sums per chain and park', () => {
    const s = summarise([
      row({
        chain: '宠物',
        park: 'A',
        stage: 'producing',
        totalInvestment: 100,
        reported: true,
        investmentPeriod: 10,
      }),
      row({ chain: '宠物', park: 'B', stage: 'land', totalInvestment: 50, problems: '用电' }),
      row({
        park: 'A',
        stage: 'structure_done',
        totalInvestment: 30,
        reported: true,
        late: true,
        investmentPeriod: 5,
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
      lateProjects: 1,
      blocked: 1,
    });
    expect(s.byChain).toEqual([
      { key: '宠物', projects: 2, totalInvestment: 150, investmentPeriod: 10, fundsPeriod: 0, reported: 1 },
      { key: '未归链', projects: 1, totalInvestment: 30, investmentPeriod: 5, fundsPeriod: 0, reported: 1 },
    ]);
    expect(s.byPark.find((g) => g.key === 'A')?.projects).toBe(2);
  });
});
