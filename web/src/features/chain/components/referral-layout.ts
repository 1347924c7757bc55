import type { ReferralNetwork } from '../api/use-chains';

type NetworkNode = ReferralNetwork['nodes'][number];
type NetworkEdge = ReferralNetwork['edges'][number];

export interface PlacedNode extends NetworkNode {
  /** 0 referrer, 1 referred firm, 2 signed project: the column it stands in. */
  x: number;
  /** The row (one row per label), from the top. */
  y: number;
}

export interface ReferralLayout {
  nodes: PlacedNode[];
  rows: number;
}

/**
 * The 以商招商 network in three columns (issue 16: a force layout piled the labels up): referring
 * firms on the left, each beside the block of rows of the firms it referred, those firms in the
 * middle, the projects they signed on the right. Every labelled node has a row of its own, so no
 * two labels meet when a row is as high as a line of text. Deterministic and linear in the size
 * of the network. A firm that both refers and was referred stands on the left once; the edge
 * from its referrer runs back to it.
 */
export function layoutReferrals(
  nodes: readonly NetworkNode[],
  edges: readonly NetworkEdge[],
): ReferralLayout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const referred = new Map<string, string[]>();
  const projectsOf = new Map<string, string[]>();
  for (const e of edges) {
    const map = e.kind === 'referred' ? referred : projectsOf;
    map.set(e.source, [...(map.get(e.source) ?? []), e.target]);
  }
  const placed = new Set<string>();
  const out: PlacedNode[] = [];
  const take = (ids: readonly string[], kind: NetworkNode['kind']) =>
    ids.flatMap((id) => {
      const n = byId.get(id);
      if (n?.kind !== kind || placed.has(id)) return [];
      placed.add(id);
      return [n];
    });
  let row = 0;
  /** A referred firm and its projects from `row` on; the rows they take. */
  const placeTarget = (target: NetworkNode) => {
    const projects = take(projectsOf.get(target.id) ?? [], 'project');
    const height = Math.max(1, projects.length);
    out.push({ ...target, x: 1, y: row + (height - 1) / 2 });
    projects.forEach((p, i) => {
      out.push({ ...p, x: 2, y: row + i });
    });
    row += height;
  };
  const referrers = nodes
    .filter((n) => n.kind === 'referrer')
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh'));
  for (const r of referrers) {
    placed.add(r.id);
    const start = row;
    for (const target of take(referred.get(r.id) ?? [], 'target')) placeTarget(target);
    // A referrer whose referred firms all stand elsewhere still gets its own row.
    if (row === start) row += 1;
    out.push({ ...r, x: 0, y: start + (row - start - 1) / 2 });
  }
  // Referred firms whose referrer is not in the answer (a truncated network), then anything else.
  for (const target of take(
    nodes.map((n) => n.id),
    'target',
  ))
    placeTarget(target);
  for (const n of nodes) {
    if (placed.has(n.id)) continue;
    out.push({ ...n, x: n.kind === 'referrer' ? 0 : 2, y: row });
    row += 1;
  }
  return { nodes: out, rows: row };
}
