import { createHash } from 'node:crypto';
import { generatedId } from './ids';
import { Rng } from './prng';
import { GENERATORS } from './registry';
import type { AnyTableGenerator, GenContext, RowOf, ScaleName, TableName } from './types';

/** Bump to regenerate every cached benchmark database (a change in ids, the loader, the world's "now"). */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20_261_125;
/** The generated world's "now": audit trails and dates lead up to it. */
export const WORLD_NOW_MS = Date.UTC(2026, 10, 30, 0, 0, 0);

export interface GenSpec {
  seed: number;
  scale: ScaleName;
  passwordHash: string;
}

/** A generation run: contexts for each table, sharing one memo of small tables' rows. */
export class Generation {
  private readonly memo = new Map<string, unknown[]>();
  private readonly byTable: Map<string, AnyTableGenerator>;

  constructor(
    readonly spec: GenSpec,
    readonly generators: readonly AnyTableGenerator[] = GENERATORS,
  ) {
    this.byTable = new Map(generators.map((g) => [g.table as string, g]));
  }

  count(table: string): number {
    return this.byTable.get(table)?.counts[this.spec.scale] ?? 0;
  }

  contextFor(table: string): GenContext {
    const { seed, scale, passwordHash } = this.spec;
    return {
      scale,
      rng: Rng.derive(seed, table),
      count: (t) => this.count(t),
      idOf: (t, i) => generatedId(t, i),
      rowsOf: <T extends TableName>(t: T) => this.rowsOf(t),
      nowMs: WORLD_NOW_MS,
      passwordHash,
    };
  }

  /** The rows of one table, as an iterator (the bulk loader streams it). */
  rows(g: AnyTableGenerator): Iterable<Record<string, unknown>> {
    return (g.rows as (ctx: GenContext) => Iterable<Record<string, unknown>>)(this.contextFor(g.table));
  }

  rowsOf<T extends TableName>(table: T): RowOf<T>[] {
    let rows = this.memo.get(table);
    if (!rows) {
      const g = this.byTable.get(table);
      if (!g) throw new Error(`no generator for ${table}`);
      rows = [...this.rows(g)];
      this.memo.set(table, rows);
    }
    return rows as RowOf<T>[];
  }

  /**
   * What a table's cached rows depend on: versions, seed, scale, size, and its dependencies'
   * fingerprints (so a changed parent regenerates its children).
   */
  fingerprint(table: string): string {
    const g = this.byTable.get(table);
    if (!g) throw new Error(`no generator for ${table}`);
    const deps = g.dependsOn.map((d) => this.fingerprint(d)).join(',');
    const text = `${GENERATOR_VERSION}|${this.spec.seed}|${this.spec.scale}|${g.table}@${g.version}|${g.counts[this.spec.scale]}|${g.columns.join(',')}|${deps}`;
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
  }
}
