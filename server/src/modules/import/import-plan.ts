import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import type { ImportKind } from './import-columns';
import type { RowIssue } from './import-rows';
import type { ParsedSheet } from './import-workbook';

/**
 * What each kind's importer returns after checking every row: the problems by row, and — only
 * used when there are none — the function that writes everything inside one transaction.
 */
export type Issues = Map<number, RowIssue[]>;

export interface ImportCounts {
  created: number;
  updated: number;
  /** Matched rows whose record already held the same values: nothing written, no audit row. */
  unchanged: number;
}

export interface ImportPlan {
  issues: Issues;
  write(trx: Transaction<Database>): Promise<ImportCounts>;
}

/** Reports rows checked so far (the job row's `processed`) and lets other requests run. */
export type Progress = (processed: number) => Promise<void>;

export type Planner = (ctx: ServiceContext, sheet: ParsedSheet, progress: Progress) => Promise<ImportPlan>;

/**
 * Rows refused by a check that runs inside the write transaction (e.g. the project stage machine
 * in the project service's create): thrown to roll the transaction back, reported like the others.
 */
export class RowsRefused extends Error {
  constructor(readonly issues: Issues) {
    super('rows refused');
  }
}

export function addIssues(issues: Issues, rowNumber: number, more: readonly RowIssue[]): void {
  if (more.length === 0) return;
  const list = issues.get(rowNumber);
  if (list) list.push(...more);
  else issues.set(rowNumber, [...more]);
}

/** 与第N行重复: the same record twice in one file. */
export function duplicateOf(kind: ImportKind, firstRow: number, what: { zh: string; en: string }): RowIssue {
  return {
    column: null,
    message: {
      zh: `与第${firstRow}行是同一条${kind === 'firm' ? '企业' : kind === 'lead' ? '线索' : '项目'}（${what.zh}相同）`,
      en: `Same ${kind} as row ${firstRow} (same ${what.en})`,
    },
  };
}

/** True when every key has the same value in both (JSON comparison, as the audit diff does). */
export function sameValues(before: Record<string, unknown>, patch: Record<string, unknown>): boolean {
  return Object.keys(patch).every(
    (k) => JSON.stringify(before[k] ?? null) === JSON.stringify(patch[k] ?? null),
  );
}

/** Every `every` rows: report progress and yield to the event loop. */
export const PROGRESS_EVERY = 1000;

export type Q = Kysely<Database> | Transaction<Database>;
