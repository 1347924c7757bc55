import type { Kysely } from 'kysely';
import {
  completionRate,
  RANKING_RULE,
  rankUnits,
  TARGET_METRICS,
  type TargetMetric,
  type TargetUnitType,
  timeElapsedRate,
} from '../../../../shared/src/dispatch';
import type { Database } from '../../db/database';
import { reportedSumsByProject, targetProjectRows, targetsOfYear } from './target.repository';

/**
 * 考核 targets with their actuals, computed from the records (never typed twice), completion and
 * time-elapsed rates, and the ranking between units of a kind. A read task: it scans the year's
 * projects and round reports once and rolls them up per unit in memory.
 */
type Db = Kysely<Database>;

export interface ProjectFacts {
  park: string | null;
  officerId: string | null;
  chainId: string | null;
  signed: boolean;
  investment: number;
  started: boolean;
  funds: number;
  fai: number;
  exports: number;
}

/** Sums the metrics over the projects a unit selects (pure; unit-tested). */
export function actualsOf(facts: ProjectFacts[]): Record<TargetMetric, number> {
  const a: Record<TargetMetric, number> = {
    projects_signed: 0,
    investment_signed: 0,
    projects_started: 0,
    funds_in_place: 0,
    fixed_asset_investment: 0,
    exports: 0,
  };
  for (const f of facts) {
    if (f.signed) {
      a.projects_signed += 1;
      a.investment_signed += f.investment;
    }
    if (f.started) a.projects_started += 1;
    a.funds_in_place += f.funds;
    a.fixed_asset_investment += f.fai;
    a.exports += f.exports;
  }
  return a;
}

export function selects(type: TargetUnitType, key: string) {
  return (f: ProjectFacts) =>
    type === 'zone' ||
    (type === 'park' && f.park === key) ||
    (type === 'team' && f.officerId === key) ||
    (type === 'chain' && f.chainId === key);
}

async function projectFacts(db: Db, year: number): Promise<ProjectFacts[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const projects = await targetProjectRows(db);
  const reported = await reportedSumsByProject(db, from, to);
  const byProject = new Map(reported.map((r) => [r.project_id, r]));
  return projects.map((p) => {
    const r = byProject.get(p.id);
    const signed = !!p.signed_date && p.signed_date >= from && p.signed_date <= to;
    return {
      park: p.park,
      officerId: p.officer_id,
      chainId: p.chain_id,
      signed,
      investment: Number(p.inv ?? 0),
      started: !!p.start_date && p.start_date >= from && p.start_date <= to,
      funds: Number(r?.funds ?? 0),
      fai: Number(r?.fai ?? 0),
      exports: Number(r?.exp ?? 0),
    };
  });
}

function linkFor(type: TargetUnitType, key: string, metric: TargetMetric, year: number) {
  const scope: Record<string, string> =
    type === 'park'
      ? { park: key }
      : type === 'chain'
        ? { chainId: key }
        : type === 'team'
          ? { officerId: key }
          : {};
  if (metric === 'projects_signed' || metric === 'investment_signed') {
    return { path: '/projects', query: { ...scope, signedFrom: `${year}-01-01`, signedTo: `${year}-12-31` } };
  }
  if (metric === 'projects_started' || type === 'team') return null;
  return {
    path: '/rounds/reports',
    query: { ...scope, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` },
  };
}

export async function targetsData(db: Db, p: { year: number; today: string }) {
  const rows = await targetsOfYear(db, p.year);
  const facts = await projectFacts(db, p.year);
  const units = new Map<
    string,
    {
      unitType: TargetUnitType;
      unitKey: string;
      unitName: string;
      isSample: boolean;
      targets: Partial<Record<TargetMetric, number>>;
    }
  >();
  for (const r of rows) {
    const id = `${r.unit_type}:${r.unit_key}`;
    const u = units.get(id) ?? {
      unitType: r.unit_type as TargetUnitType,
      unitKey: r.unit_key,
      unitName: r.unit_name,
      isSample: false,
      targets: {},
    };
    u.targets[r.metric as TargetMetric] = Number(r.value);
    u.isSample ||= r.is_sample === 1;
    units.set(id, u);
  }
  const elapsed = timeElapsedRate(p.year, p.today);
  const list = [...units.values()].map((u) => {
    const actual = actualsOf(facts.filter(selects(u.unitType, u.unitKey)));
    return {
      ...u,
      metrics: TARGET_METRICS.map((m) => ({
        metric: m,
        target: u.targets[m] ?? null,
        actual: actual[m],
        rate: completionRate(actual[m], u.targets[m]),
        link: linkFor(u.unitType, u.unitKey, m, p.year),
      })),
    };
  });
  const ranked = new Map<string, { score: number | null; rank: number | null }>();
  for (const type of ['zone', 'park', 'team', 'chain'] as const) {
    const ofType = list.filter((u) => u.unitType === type);
    for (const r of rankUnits(ofType.map((u) => ({ key: u.unitKey, rates: u.metrics.map((m) => m.rate) })))) {
      // The rank's `key` is the unit's key: the answer carries it once, as unitKey.
      ranked.set(`${type}:${r.key}`, { score: r.score, rank: r.rank });
    }
  }
  return {
    year: p.year,
    timeElapsed: elapsed,
    rule: RANKING_RULE,
    units: list
      .map((u) => {
        const { targets: _t, ...rest } = u;
        return { ...rest, ...(ranked.get(`${u.unitType}:${u.unitKey}`) ?? { score: null, rank: null }) };
      })
      .sort((a, b) => a.unitType.localeCompare(b.unitType) || (a.rank ?? 1e9) - (b.rank ?? 1e9)),
  };
}
