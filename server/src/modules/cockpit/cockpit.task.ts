import type { Kysely } from 'kysely';
import { PROJECT_STAGES } from '../../../../shared/src/project-stage';
import type { Database } from '../../db/database';
import { scopeFilterOptions } from '../scope/project-scope';
import { cockpitTargetRows } from '../target/target.service';
import {
  type CockpitScope,
  chainCoverage,
  latestRoundRate,
  reportedByMonth,
  requestsByDepartment,
  signedByMonth,
  stageFigures,
  topProjects,
} from './cockpit.repository';
import { promisedAndActual } from './cockpit-kpi';
import { lateProjects } from './late-projects.repository';

/**
 * A link to the list that reproduces a figure: the web opens `path?query`; the same query on
 * `/api${path}` returns the records (its `total`, or the sum of a column) behind the figure.
 */
export interface ListLink {
  path: string;
  query: Record<string, string>;
}

const ACTIVE_STAGES = PROJECT_STAGES.filter((s) => s.order !== null);

function scopeQuery(s: CockpitScope): Record<string, string> {
  const q: Record<string, string> = {};
  if (s.park) q.park = s.park;
  if (s.chainId) q.chainId = s.chainId;
  return q;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Annual targets of the unit the filters select: the zone, a park or a chain (not both filters). */
async function unitTargets(db: Kysely<Database>, s: CockpitScope) {
  const [unitType, unitKey] =
    s.chainId && !s.park ? ['chain', s.chainId] : s.park && !s.chainId ? ['park', s.park] : ['zone', null];
  if (s.chainId && s.park) return { investmentSigned: null, fundsInPlace: null };
  const rows = await cockpitTargetRows(db, s.year, unitType as string, unitKey);
  const of = (m: string) => {
    const r = rows.find((x) => x.metric === m);
    return r ? Number(r.value) : null;
  };
  return { investmentSigned: of('investment_signed'), fundsInPlace: of('funds_in_place') };
}

/** Everything on the cockpit in one read: figures with the list links that reproduce them. */
export async function cockpitData(db: Kysely<Database>, s: CockpitScope) {
  const scope = scopeQuery(s);
  const [stages, signed, reported, late, requests, chains, top, round, targets, options] = await Promise.all([
    stageFigures(db, s),
    signedByMonth(db, s),
    reportedByMonth(db, s),
    lateProjects(db, s, 10),
    requestsByDepartment(db, s),
    chainCoverage(db, s.chainId),
    topProjects(db, s, 10),
    latestRoundRate(db, s),
    unitTargets(db, s),
    scopeFilterOptions(db),
  ]);

  const counts = stages.counts;
  const totals = stages.active;
  const kpi = await promisedAndActual(db, s, totals);
  // Funnel: projects that have reached each stage (at it or beyond), active projects only.
  const funnel = ACTIVE_STAGES.map((stage, i) => {
    const reached = ACTIVE_STAGES.slice(i).map((x) => x.key);
    return {
      stage: stage.key,
      count: reached.reduce((sum, k) => sum + (counts[k] ?? 0), 0),
      link: { path: '/projects', query: { ...scope, stage: reached.join(',') } } as ListLink,
    };
  });

  const months = Array.from({ length: 12 }, (_, i) => `${s.year}-${String(i + 1).padStart(2, '0')}`);
  let cumSigned = 0;
  let cumFunds = 0;
  const monthly = months.map((month, i) => {
    const sg = signed.find((x) => x.month === month);
    const rp = reported.find((x) => x.month === month);
    cumSigned += sg?.investment ?? 0;
    cumFunds += rp?.funds ?? 0;
    const range = { from: `${month}-01`, to: lastDay(month) };
    return {
      month,
      signedCount: sg?.count ?? 0,
      investmentSigned: sg?.investment ?? 0,
      fundsInPlace: rp?.funds ?? 0,
      fixedAssetInvestment: rp?.investment ?? 0,
      cumulativeSigned: cumSigned,
      cumulativeFunds: cumFunds,
      targetSignedToDate:
        targets.investmentSigned === null ? null : Math.round((targets.investmentSigned * (i + 1)) / 12),
      targetFundsToDate:
        targets.fundsInPlace === null ? null : Math.round((targets.fundsInPlace * (i + 1)) / 12),
      signedLink: {
        path: '/projects',
        query: { ...scope, signedFrom: range.from, signedTo: range.to },
      } as ListLink,
      fundsLink: {
        path: '/rounds/reports',
        query: { ...scope, periodFrom: range.from, periodTo: range.to },
      } as ListLink,
    };
  });

  const cell = (stage: string) => counts[stage] ?? 0;
  return {
    year: s.year,
    today: s.today,
    filters: { park: s.park ?? null, chainId: s.chainId ?? null },
    options,
    totals: {
      projects: totals.count,
      investment: totals.investment,
      started: funnel.find((f) => f.stage === 'started')?.count ?? 0,
      producing: cell('producing') + cell('full_capacity'),
      link: {
        path: '/projects',
        query: { ...scope, stage: ACTIVE_STAGES.map((x) => x.key).join(',') },
      } as ListLink,
    },
    /** 承诺 vs 实际 (the leader's switch), each with the provenance mix of what it adds up. */
    kpi,
    funnel,
    monthly,
    targets,
    late: {
      count: late.count,
      link: { path: '/projects', query: { ...scope, late: 'true' } } as ListLink,
      items: late.items.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        park: p.park,
        stage: p.stage,
        lateMilestones: p.lateMilestones,
        earliestPlanned: p.planned,
        daysLate: Math.round((Date.parse(s.today) - Date.parse(p.planned)) / 86_400_000),
      })),
    },
    requests: {
      // Requests of projects in the park / on the chain: the request list's park/chainId filters.
      open: requests.reduce((n, d) => n + d.open, 0),
      overdue: requests.reduce((n, d) => n + d.overdue, 0),
      openLink: { path: '/requests', query: { ...scope, open: 'true' } } as ListLink,
      overdueLink: { path: '/requests', query: { ...scope, overdue: 'true' } } as ListLink,
      // Requests not yet assigned to a department are the list's `unassigned` filter.
      byDepartment: requests.map((d) => {
        const dept: Record<string, string> = d.departmentId
          ? { departmentId: d.departmentId }
          : { unassigned: 'true' };
        return {
          ...d,
          openLink: { path: '/requests', query: { ...scope, open: 'true', ...dept } } as ListLink,
          overdueLink: { path: '/requests', query: { ...scope, overdue: 'true', ...dept } } as ListLink,
        };
      }),
    },
    chains: chains.map((c) => ({
      ...c,
      rate: c.links === 0 ? null : c.covered / c.links,
      link: { path: `/chains/${c.chainId}`, query: {} } as ListLink,
    })),
    topProjects: {
      link: {
        path: '/projects',
        query: { ...scope, stage: ACTIVE_STAGES.map((x) => x.key).join(','), sort: '-totalInvestment' },
      } as ListLink,
      items: top.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        stage: p.stage,
        park: p.park,
        totalInvestment: Number(p.total_investment ?? 0),
      })),
    },
    latestRound: round
      ? {
          ...round,
          rate: round.expected === 0 ? null : round.reported / round.expected,
          link: { path: `/rounds/${round.id}`, query: {} } as ListLink,
        }
      : null,
  };
}

export type CockpitData = Awaited<ReturnType<typeof cockpitData>>;
