import type { Kysely, Transaction } from 'kysely';
import type { ProjectList, ProjectListItem } from '../../../../shared/src/contract/project';
import { todayInShanghai } from '../../../../shared/src/dates';
import { canMove, isActiveProjectStage, type ProjectStage } from '../../../../shared/src/project-stage';
import type { Database, LinkFields, ProjectPartyFields, ProjectTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { isUniqueViolation, nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertLinkExists } from '../record-link/record-link';
import { figureSourcesOf, recordFigureSources, sourcedValuesOf } from './figure-source';
import { assertProjectEditable, assertProjectVisible, projectScopeOf } from './project.policy';
import {
  auditableProject,
  type ProjectDto,
  presentProject,
  presentProjectListItem,
} from './project.presenter';
import * as repo from './project.repository';

// The project writes the import makes with its own rules (bulk updates of a project and its investors).
export { type ProjectListFilter, replaceInvestors, updateProjectVersioned } from './project.repository';

import {
  type FigureProvenanceInput,
  OFFICER_ENTRY,
  recordChangedFigureSources,
  sourceOf,
} from './project-figure-provenance';
import { type ProjectInput, rowFields } from './project-input';
import { decodeProjectCursor, encodeProjectCursor } from './project-list-cursor';
import type { ListTotalMode } from './project-list-total';
import { findProjectListRows, listProjectIds } from './project-page.repository';
import { refreshProjectDerivedColumns } from './project-search';
import { missingFieldErrors, orderOf, STARTED_ORDER, stageFacts } from './project-stage-rules';
import { projectCumulatives } from './zone-figures';

type Q = Kysely<Database> | Transaction<Database>;
/** Investors must exist and their shares add up to at most 100 %; the officer must be zone staff. */
export async function checkRefs(db: Q, input: ProjectInput): Promise<void> {
  const fields: FieldError[] = [];
  if (input.investors) {
    const ids = input.investors.map((i) => i.firmId);
    if (new Set(ids).size !== ids.length) {
      fields.push({ path: 'investors', message: { zh: '投资方重复', en: 'An investor is listed twice' } });
    }
    const found = ids.length ? await db.selectFrom('firm').select('id').where('id', 'in', ids).execute() : [];
    const known = new Set(found.map((f) => f.id));
    input.investors.forEach((i, n) => {
      if (!known.has(i.firmId)) {
        fields.push({ path: `investors.${n}.firmId`, message: { zh: '企业不存在', en: 'No such firm' } });
      }
    });
    const total = input.investors.reduce((s, i) => s + (i.sharePct ?? 0), 0);
    if (total > 100.0001) {
      fields.push({
        path: 'investors',
        message: { zh: '投资方持股比例合计超过100%', en: 'Investor shares add up to more than 100%' },
      });
    }
  }
  if (input.companyFirmId) {
    const f = await db
      .selectFrom('firm')
      .select('id')
      .where('id', '=', input.companyFirmId)
      .executeTakeFirst();
    if (!f) fields.push({ path: 'companyFirmId', message: { zh: '项目公司不存在', en: 'No such firm' } });
  }
  if (input.parkId) {
    const park = await db.selectFrom('park').select('id').where('id', '=', input.parkId).executeTakeFirst();
    if (!park) fields.push({ path: 'parkId', message: { zh: '园区不存在', en: 'No such park' } });
  }
  if (input.officerId) {
    const u = await db
      .selectFrom('app_user')
      .select('role')
      .where('id', '=', input.officerId)
      .executeTakeFirst();
    if (!u || (u.role !== 'officer' && u.role !== 'admin')) {
      fields.push({
        path: 'officerId',
        message: { zh: '负责人须为招商专员', en: 'The officer must be an officer account' },
      });
    }
  }
  if (fields.length > 0) throw errors.validation(fields);
  await assertLinkExists(db, input.linkId);
}

/**
 * Presents projects (investors, officer, lateness against today in Shanghai) in the given order.
 * Four statements for any number of projects: the rows with their names joined (investors from
 * the row's own copy), late milestones, the latest dispatch cumulatives, the figure sources.
 */
export async function presentProjects(ctx: ServiceContext, ids: readonly string[]): Promise<ProjectDto[]> {
  const db = ctx.db.kysely;
  const day = today(ctx);
  const [rows, late] = await Promise.all([repo.findProjectsByIds(db, ids), repo.lateStatsOf(db, ids, day)]);
  const cumulatives = await projectCumulatives(db, rows);
  const sources = await figureSourcesOf(db, rows, cumulatives);
  return rows.map((r) => {
    const figureSources = sources.get(r.id);
    if (!figureSources) throw new Error(`no figure sources for ${r.id}`);
    return presentProject(r, late.get(r.id), day, cumulatives.get(r.id), figureSources);
  });
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
async function presentListItems(ctx: ServiceContext, ids: readonly string[]): Promise<ProjectListItem[]> {
  const db = ctx.db.kysely;
  const day = today(ctx);
  const [rows, late] = await Promise.all([findProjectListRows(db, ids), repo.lateStatsOf(db, ids, day)]);
  const cumulatives = await projectCumulatives(db, rows);
  const sources = await figureSourcesOf(db, rows, cumulatives, LIST_FIGURES);
  return rows.map((r) => {
    const figureSources = sources.get(r.id);
    if (!figureSources) throw new Error(`no figure sources for ${r.id}`);
    return presentProjectListItem(r, late.get(r.id), day, cumulatives.get(r.id), figureSources);
  });
}

type ListFilter = repo.ProjectListFilter & { cursor?: string | undefined };

/** One page of ids in the list's order, its total and the cursor of the page after it. */
async function listPage(ctx: ServiceContext, filter: ListFilter, totalMode: ListTotalMode) {
  const actor = requireActor(ctx);
  const { cursor, ...rest } = filter;
  const sort = rest.sort ?? '-totalInvestment';
  const after = cursor === undefined ? undefined : decodeProjectCursor(cursor, sort);
  const { last, ...page } = await listProjectIds(
    ctx.db.kysely,
    ctx.db.dialect,
    { ...rest, after },
    projectScopeOf(actor),
    today(ctx),
    totalMode,
  );
  return { ...page, nextCursor: last ? encodeProjectCursor(sort, last) : null };
}

/**
 * The project list (项目库) with its filters, search, sort and page, as the list route and the
 * kanban's column pages read it: the list's columns only. Enterprise users get only their firm's
 * projects. A `cursor` (the `nextCursor` of the page before) pages by key instead of offset. The
 * total is exact up to `exactTotalUpTo` and past it an estimate, flagged (project-list-total.ts).
 */
export async function listProjects(
  ctx: ServiceContext,
  filter: ListFilter,
  opts: { exactTotalUpTo: number },
): Promise<ProjectList> {
  const { ids, total, totalIsEstimate, nextCursor } = await listPage(ctx, filter, {
    exactUpTo: opts.exactTotalUpTo,
  });
  return { items: await presentListItems(ctx, ids), total, totalIsEstimate, nextCursor };
}

/**
 * What a page of `listProjects` depends on besides the data: the caller's scope (an enterprise
 * user's firm), the day (late milestones) and the validated query, its keys sorted. Two callers
 * with the same key get the same bytes (lib/versioned-answers.ts).
 */
export function projectListAnswerKey(ctx: ServiceContext, filter: ListFilter): string {
  const query = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(['projects', projectScopeOf(requireActor(ctx)), today(ctx), query]);
}

/**
 * The same list as whole projects with an exact total, for the xlsx export: it writes every
 * column of a project and caps its rows by the total, so the total must not be an estimate.
 */
export async function listProjectRecords(ctx: ServiceContext, filter: ListFilter) {
  const { ids, total } = await listPage(ctx, filter, 'exact');
  return { items: await presentProjects(ctx, ids), total };
}

export async function getProject(ctx: ServiceContext, id: string): Promise<ProjectDto> {
  const actor = requireActor(ctx);
  await assertProjectVisible(ctx.db.kysely, actor, id);
  const [dto] = await presentProjects(ctx, [id]);
  if (!dto) throw errors.notFound('project');
  return dto;
}

export interface CreateProjectInput extends ProjectInput {
  name: string;
  code?: string | undefined;
  stage?: ProjectStage | undefined;
  stageDate?: string | undefined;
  leadId?: string | null | undefined;
  /** Where the figures come from; default: an officer's entry (promised; ledger funds reported). */
  provenance?: FigureProvenanceInput | undefined;
}

/**
 * Creates a project (at 签约 unless a later stage is given with what it requires), its investors,
 * its first stage event and the audit row, in the transaction `trx` (lead signing passes its own).
 */
export async function insertProjectRecord(
  ctx: ServiceContext,
  trx: Q,
  input: CreateProjectInput,
): Promise<string> {
  const actor = requireActor(ctx);
  await checkRefs(trx, input);
  const nowIso = ctx.clock.now().toISOString();
  const day = todayInShanghai(ctx.clock.now());
  const stage = input.stage ?? 'signed';
  const stageDate = input.stageDate ?? day;
  const id = newId();
  const row: ProjectTable & LinkFields & ProjectPartyFields = {
    id,
    code: input.code ?? (await nextCode(trx, 'project', 'XM', day.slice(0, 4))),
    name: input.name,
    park: null,
    land_mu: null,
    total_investment: null,
    fixed_asset_investment: null,
    funds_in_place: null,
    capacity_quantity: null,
    capacity_unit: null,
    capacity_product: null,
    expected_output: null,
    expected_tax: null,
    expected_jobs: null,
    expected_exports: null,
    priority: null,
    officer_id: actor.role === 'officer' ? actor.userId : null,
    leader_name: null,
    contact_name: null,
    contact_phone: null,
    chain_link: null,
    link_id: null,
    company_firm_id: null,
    lead_id: input.leadId ?? null,
    start_date: null,
    stage,
    stage_date: stageDate,
    paused_from_stage: null,
    stage_reason: null,
    search_text: '',
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
    ...rowFields(input),
  };
  let skipped: string[] = [];
  if (stage !== 'signed') {
    const crosses = (orderOf(stage) ?? 0) >= STARTED_ORDER;
    const check = canMove('signed', stage, stageFacts(row, crosses ? stageDate : null));
    if (!check.ok || !isActiveProjectStage(stage)) {
      throw errors.badRequest(
        'STAGE_MOVE_REFUSED',
        check.ok
          ? { zh: '新建项目不能处于暂停或终止状态', en: 'A new project cannot be paused or cancelled' }
          : check.message,
        check.ok
          ? [{ path: 'stage', message: { zh: '阶段无效', en: 'Invalid stage' } }]
          : missingFieldErrors(check.missingFields),
      );
    }
    skipped = check.skipped;
    if (crosses && !row.start_date) row.start_date = stageDate;
  }
  try {
    await repo.insertProject(trx, row);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const message = { zh: '项目编号已存在', en: 'That project code exists' };
    throw errors.conflict('DUPLICATE_PROJECT_CODE', message, [{ path: 'code', message }]);
  }
  await repo.replaceInvestors(
    trx,
    id,
    (input.investors ?? []).map((i) => ({ firmId: i.firmId, sharePct: i.sharePct ?? null })),
  );
  await recordFigureSources(
    trx,
    ctx,
    id,
    sourcedValuesOf(input),
    sourceOf(input.provenance ?? OFFICER_ENTRY),
    (input.provenance ?? OFFICER_ENTRY).origin,
  );
  await refreshProjectDerivedColumns(trx, [id]);
  await repo.insertStageEvent(trx, {
    id: newId(),
    project_id: id,
    from_stage: null,
    to_stage: stage,
    date: stageDate,
    reason: null,
    skipped_json: JSON.stringify(skipped),
    actor_id: actor.userId,
    actor_name: actor.displayName,
    at: nowIso,
  });
  await writeAudit(trx, ctx, {
    entity: 'project',
    entityId: id,
    action: 'create',
    after: { ...auditableProject(row), investors: input.investors ?? [] },
  });
  return id;
}

export async function createProject(ctx: ServiceContext, input: CreateProjectInput): Promise<ProjectDto> {
  const id = await ctx.db.kysely.transaction().execute((trx) => insertProjectRecord(ctx, trx, input));
  return getProject(ctx, id);
}

/**
 * Edits a project's fields (not its stage: that is a move) with optimistic concurrency; audited.
 * Figures whose value changes get the provenance of this write (default: the officer's entry).
 */
export async function updateProject(
  ctx: ServiceContext,
  id: string,
  input: ProjectInput & { version: number },
  provenance: FigureProvenanceInput = OFFICER_ENTRY,
): Promise<ProjectDto> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  await assertProjectVisible(db, actor, id);
  const before = await repo.findProjectById(db, id);
  if (!before) throw errors.notFound('project');
  assertProjectEditable(actor, before);
  await checkRefs(db, input);
  const beforeInvestors = await repo.investorsOf(db, [id]);
  const patch = { ...rowFields(input), updated_at: ctx.clock.now().toISOString() };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateProjectVersioned(trx, id, input.version, patch))) throw errors.stale();
    await recordChangedFigureSources(trx, ctx, before, input, provenance);
    if (input.investors) {
      await repo.replaceInvestors(
        trx,
        id,
        input.investors.map((i) => ({ firmId: i.firmId, sharePct: i.sharePct ?? null })),
      );
    }
    await refreshProjectDerivedColumns(trx, [id]);
    await writeAudit(trx, ctx, {
      entity: 'project',
      entityId: id,
      action: 'update',
      before: {
        ...auditableProject(before),
        investors: beforeInvestors.map((i) => ({ firmId: i.firm_id, sharePct: i.share_pct })),
      },
      after: {
        ...auditableProject({ ...before, ...patch, version: input.version + 1 }),
        investors: input.investors
          ? input.investors.map((i) => ({ firmId: i.firmId, sharePct: i.sharePct ?? null }))
          : beforeInvestors.map((i) => ({ firmId: i.firm_id, sharePct: i.share_pct })),
      },
    });
  });
  return getProject(ctx, id);
}
