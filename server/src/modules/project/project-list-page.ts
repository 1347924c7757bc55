// One page of the project list (项目库) from plain inputs — a database handle, the dialect, the
// caller's scope and the day — so that it runs the same on the event loop and in a read worker
// (project.read-tasks.ts), where no request context exists.

import type { Kysely } from 'kysely';
import type { ProjectList, ProjectListItem } from '../../../../shared/src/contract/project';
import type { DialectName } from '../../db/connect';
import type { Database } from '../../db/database';
import { figureSourcesOf } from './figure-source';
import type { ProjectScope } from './project.policy';
import { presentProjectListItem } from './project.presenter';
import type { ProjectListFilter } from './project.repository';
import * as repo from './project.repository';
import { decodeProjectCursor, encodeProjectCursor } from './project-list-cursor';
import type { ListTotalMode } from './project-list-total';
import { findProjectListRows, listProjectIds } from './project-page.repository';
import { projectCumulatives } from './zone-figures';

export type ListFilter = ProjectListFilter & { cursor?: string | undefined };

/** Everything a page depends on, all of it cloneable (a worker thread receives it as a message). */
export interface ProjectListParams {
  dialect: DialectName;
  filter: ListFilter;
  scope: ProjectScope;
  /** Today in Shanghai: late milestones count against it. */
  day: string;
  exactTotalUpTo: number;
}

/** The figures whose provenance a list row shows (累计到位资金 falls back to the ledger's). */
const LIST_FIGURES = [
  'totalInvestment',
  'expectedOutput',
  'expectedTax',
  'fundsInPlace',
  'fundsInPlaceCumulative',
] as const;

/** Presents list rows (the list's columns only) in the given order: four statements per page. */
async function presentListItems(
  db: Kysely<Database>,
  ids: readonly string[],
  day: string,
): Promise<ProjectListItem[]> {
  const [rows, late] = await Promise.all([findProjectListRows(db, ids), repo.lateStatsOf(db, ids, day)]);
  const cumulatives = await projectCumulatives(db, rows);
  const sources = await figureSourcesOf(db, rows, cumulatives, LIST_FIGURES);
  return rows.map((r) => {
    const figureSources = sources.get(r.id);
    if (!figureSources) throw new Error(`no figure sources for ${r.id}`);
    return presentProjectListItem(r, late.get(r.id), day, cumulatives.get(r.id), figureSources);
  });
}

/** One page of ids in the list's order, its total and the cursor of the page after it. */
export async function listPageIds(
  db: Kysely<Database>,
  p: Omit<ProjectListParams, 'exactTotalUpTo'>,
  totalMode: ListTotalMode,
) {
  const { cursor, ...rest } = p.filter;
  const sort = rest.sort ?? '-totalInvestment';
  const after = cursor === undefined ? undefined : decodeProjectCursor(cursor, sort);
  const { last, ...page } = await listProjectIds(
    db,
    p.dialect,
    { ...rest, after },
    p.scope,
    p.day,
    totalMode,
  );
  return { ...page, nextCursor: last ? encodeProjectCursor(sort, last) : null };
}

/** One page of the list with its total (exact up to `exactTotalUpTo`, past it an estimate, flagged). */
export async function projectListPage(db: Kysely<Database>, p: ProjectListParams): Promise<ProjectList> {
  const { ids, total, totalIsEstimate, nextCursor } = await listPageIds(db, p, {
    exactUpTo: p.exactTotalUpTo,
  });
  return { items: await presentListItems(db, ids, p.day), total, totalIsEstimate, nextCursor };
}
