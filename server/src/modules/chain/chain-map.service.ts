import type { z } from 'zod';
import { linkState } from '../../../../shared/src/chain';
import { toShanghaiDate } from '../../../../shared/src/dates';
import type { ChainLinkTable, ChainTargetTable } from '../../db/database';
import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import {
  type chainMapSchema,
  type mapLinkSchema,
  type overviewItemSchema,
  presentChain,
  presentLink,
} from './chain.presenter';
import type { chainReadTasks } from './chain.read-tasks';
import { FIRM_COUNT_CAP, type LinkAggregate } from './chain-read.repository';

type MapLink = z.infer<typeof mapLinkSchema>;
type Counts = MapLink['own'];
export type ChainMapDto = z.infer<typeof chainMapSchema>;
export type OverviewItemDto = z.infer<typeof overviewItemSchema>;

const zero = (): Counts => ({ firms: 0, projects: 0, investment: 0, leads: 0 });

/** The current year in Shanghai (targets and actuals are per natural year). */
export function currentYear(ctx: ServiceContext): number {
  return Number(toShanghaiDate(ctx.clock.now()).slice(0, 4));
}

/**
 * Links in display order (depth-first, siblings by sort order) with their own and subtree counts and
 * their state. A link's state is from its subtree's local firms: a parent with a strong child is
 * not "missing" on the map.
 */
export function buildMapLinks(
  links: readonly ChainLinkTable[],
  aggregates: readonly LinkAggregate[],
): MapLink[] {
  const byParent = new Map<string | null, ChainLinkTable[]>();
  for (const l of links) {
    const list = byParent.get(l.parent_id) ?? [];
    list.push(l);
    byParent.set(l.parent_id, list);
  }
  const own = new Map(aggregates.map((a) => [a.link_id, a]));
  const out: MapLink[] = [];
  const visit = (l: ChainLinkTable, depth: number): Counts & { capped: boolean } => {
    const a = own.get(l.id);
    const mine: Counts = a
      ? { firms: a.firms, projects: a.projects, investment: a.investment, leads: a.leads }
      : zero();
    const index = out.length;
    out.push({ ...presentLink(l), depth, own: mine, total: mine, state: 'missing', firmsCapped: false });
    const total = { ...mine };
    let capped = mine.firms >= FIRM_COUNT_CAP;
    for (const child of byParent.get(l.id) ?? []) {
      const c = visit(child, depth + 1);
      total.firms += c.firms;
      total.projects += c.projects;
      total.investment += c.investment;
      total.leads += c.leads;
      capped ||= c.capped;
    }
    const entry = out[index] as MapLink;
    entry.total = total;
    entry.state = linkState(total.firms);
    entry.firmsCapped = capped;
    return { ...total, capped };
  };
  // Roots upstream first, then midstream, then downstream; orphans (a parent in another chain) never occur.
  const order = { up: 0, mid: 1, down: 2 } as Record<string, number>;
  const roots = [...(byParent.get(null) ?? [])].sort(
    (a, b) => (order[a.position] ?? 9) - (order[b.position] ?? 9) || a.sort_order - b.sort_order,
  );
  for (const r of roots) visit(r, 0);
  return out;
}

export function summarise(links: readonly MapLink[]) {
  const leaves = links.filter((l) => !links.some((c) => c.parentId === l.id));
  const covered = leaves.filter((l) => l.own.firms > 0).length;
  const roots = links.filter((l) => l.depth === 0);
  const sum = (k: keyof Counts) => roots.reduce((s, r) => s + r.total[k], 0);
  return {
    links: links.length,
    leafLinks: leaves.length,
    coveredLeaves: covered,
    coverage: leaves.length === 0 ? 0 : Math.round((covered / leaves.length) * 1000) / 1000,
    strong: leaves.filter((l) => l.state === 'strong').length,
    weak: leaves.filter((l) => l.state === 'weak').length,
    missing: leaves.filter((l) => l.state === 'missing').length,
    firms: sum('firms'),
    projects: sum('projects'),
    investment: sum('investment'),
    leads: sum('leads'),
  };
}

function yearFigures(
  targets: readonly ChainTargetTable[],
  year: number,
  actual: { projects: number; investment: number },
) {
  const t = targets.find((x) => Number(x.year) === year);
  return {
    year,
    projectsTarget: t?.projects_target ?? null,
    investmentTarget:
      t?.investment_target === null || t?.investment_target === undefined
        ? null
        : Number(t.investment_target),
    projectsActual: actual.projects,
    investmentActual: actual.investment,
  };
}

/** GET /api/chains/:id/map — the chain drawn as a map: links with state, counts, targets vs actuals. */
export async function chainMap(
  ctx: ServiceContext,
  reads: ReadRunner<typeof chainReadTasks>,
  id: string,
  year?: number,
): Promise<ChainMapDto> {
  const y = year ?? currentYear(ctx);
  const data = await reads.run('chain.map', { chainId: id, year: y });
  if (!data) throw errors.notFound('chain');
  const links = buildMapLinks(data.links, data.aggregates);
  return {
    chain: presentChain(data.chain, data.leaders, data.parks, data.targets),
    links,
    summary: summarise(links),
    year: yearFigures(data.targets, y, data.actual),
  };
}

/**
 * GET /api/chains/overview — every chain side by side, ranked: coverage first (补链 is the point),
 * then share of this year's investment target reached, then investment.
 */
export async function chainOverview(
  ctx: ServiceContext,
  reads: ReadRunner<typeof chainReadTasks>,
  year?: number,
): Promise<OverviewItemDto[]> {
  const y = year ?? currentYear(ctx);
  const d = await reads.run('chain.overview', { year: y });
  const items = d.chains.map((c) => {
    const links = d.links.filter((l) => l.chain_id === c.id) as ChainLinkTable[];
    const linkIds = new Set(links.map((l) => l.id));
    const mapLinks = buildMapLinks(
      links,
      d.aggregates.filter((a) => linkIds.has(a.link_id)),
    );
    const actual = d.actuals.find((a) => a.chain_id === c.id) ?? { projects: 0, investment: 0 };
    return {
      rank: 0,
      id: c.id,
      name: c.name,
      scope: c.scope as OverviewItemDto['scope'],
      region: c.region,
      isCityKey: c.is_city_key === 1,
      isSample: c.is_sample === 1,
      officialName: c.official_name,
      leaders: d.leaders.filter((l) => l.chain_id === c.id).map((l) => l.firm_short_name ?? l.firm_name),
      parks: d.parks.filter((p) => p.chain_id === c.id).map((p) => p.name),
      summary: summarise(mapLinks),
      year: yearFigures(
        d.targets.filter((t) => t.chain_id === c.id),
        y,
        actual,
      ),
    };
  });
  const reach = (i: OverviewItemDto) =>
    i.year.investmentTarget ? i.year.investmentActual / i.year.investmentTarget : 0;
  items.sort(
    (a, b) =>
      b.summary.coverage - a.summary.coverage ||
      reach(b) - reach(a) ||
      b.summary.investment - a.summary.investment ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return items.map((i, n) => ({ ...i, rank: n + 1 }));
}
