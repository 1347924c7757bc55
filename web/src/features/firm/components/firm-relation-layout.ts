import type { FirmRelation, FirmRelationKind } from '../api/use-firms';

export type RelationSide = 'up' | 'down';

export interface RelationNode {
  id: string;
  name: string;
  /** The kind of its first edge with the firm (the node's colour); `self` for the firm itself. */
  kind: FirmRelationKind | 'self';
  /** Column (−1 left, 0 the firm, 1 right) and row, in rows of one line of text. */
  x: number;
  y: number;
  side: RelationSide | 'self';
}

/**
 * Which side of the firm the other one stands on: upstream when it supplies the firm, invests in
 * it or owns it (or the firm buys from it), downstream for the reverse. Partners have no direction
 * (null): they fill the shorter side.
 */
export function sideOf(firmId: string, r: FirmRelation): RelationSide | null {
  const fromFirm = r.fromFirmId === firmId;
  switch (r.kind) {
    case 'partner':
      return null;
    // "A customer B" = A buys from B: the seller is upstream of the buyer.
    case 'customer':
      return fromFirm ? 'up' : 'down';
    // supplier, investor, parent: `from` gives to `to`.
    default:
      return fromFirm ? 'down' : 'up';
  }
}

/**
 * The firm and the firms it relates to in columns (issue 16: a force layout of 36 relations ran
 * off the chart and piled the names up): upstream firms in a column on the left with their names
 * to the left, downstream on the right with their names to the right, the firm in the middle, one
 * row per firm so no two names meet. `columns: 1` (a phone) puts every other firm in one column on
 * the right and the firm above it. Two edges with the same firm share its node. Deterministic: the
 * picture is the same on every visit.
 */
export function layoutRelations(
  firmId: string,
  firmName: string,
  relations: readonly FirmRelation[],
  columns: 1 | 2,
  columnGap: number,
): { nodes: RelationNode[]; rows: number } {
  const others = new Map<string, { name: string; kind: FirmRelationKind; side: RelationSide | null }>();
  for (const r of relations) {
    const [id, name] = r.fromFirmId === firmId ? [r.toFirmId, r.toFirmName] : [r.fromFirmId, r.fromFirmName];
    if (!others.has(id)) others.set(id, { name, kind: r.kind, side: sideOf(firmId, r) });
  }
  const up: RelationNode[] = [];
  const down: RelationNode[] = [];
  const partners: RelationNode[] = [];
  for (const [id, o] of others) {
    const node: RelationNode = { id, name: o.name, kind: o.kind, x: 0, y: 0, side: o.side ?? 'up' };
    (o.side === 'up' ? up : o.side === 'down' ? down : partners).push(node);
  }
  for (const p of partners) {
    p.side = up.length <= down.length ? 'up' : 'down';
    (p.side === 'up' ? up : down).push(p);
  }
  const self: RelationNode = { id: firmId, name: firmName, kind: 'self', x: 0, y: 0, side: 'self' };
  if (columns === 1) {
    const column = [...up, ...down];
    column.forEach((n, i) => {
      n.x = columnGap;
      n.y = i;
    });
    // Above the column, on the left: its name reads to the right over the edges.
    self.y = -1.5;
    return { nodes: [self, ...column], rows: column.length + 1.5 };
  }
  const rows = Math.max(1, up.length, down.length);
  const place = (column: RelationNode[], x: number) => {
    // A shorter column is centred beside the longer one.
    const offset = (rows - column.length) / 2;
    column.forEach((n, i) => {
      n.x = x;
      n.y = offset + i;
    });
  };
  place(up, -columnGap);
  place(down, columnGap);
  self.y = (rows - 1) / 2;
  return { nodes: [self, ...up, ...down], rows };
}
