import { hashString } from './prng';

/** 2020-01-01T00:00:00Z: the time part of generated ids starts here and grows with the row index. */
const ID_EPOCH_MS = Date.UTC(2020, 0, 1);

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * A UUIDv7-shaped id for row `index` of `table`: unique per (table, index), increasing with the index
 * (so bulk inserts append to the primary-key b-tree, as app-made v7 ids do) and computable from the
 * index alone, so a child row references its parent without a lookup table.
 */
export function generatedId(table: string, index: number): string {
  const t = hex(ID_EPOCH_MS + index, 12);
  const h = hashString(table);
  const tableBits = hex(h & 0xfff, 3);
  const variant = hex(0x8000 | ((h >>> 12) & 0x3fff), 4);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${tableBits}-${variant}-${hex(index, 12)}`;
}
