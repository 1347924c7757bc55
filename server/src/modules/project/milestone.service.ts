import type { TimelineItem } from '../../../../shared/src/contract/project';
import { toShanghaiDate } from '../../../../shared/src/dates';
import { FOLLOWUP_KIND_LABELS } from '../../../../shared/src/pipeline-enums';
import { type ProjectStage, projectStageLabel } from '../../../../shared/src/project-stage';
import type { MilestoneTable } from '../../db/database';
import { newId } from '../../lib/ids';
import { parseJsonArray } from '../../lib/json';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import * as mrepo from './milestone.repository';
import { assertProjectEditable, assertProjectVisible, maySeeFollowups } from './project.policy';
import { presentMilestone } from './project.presenter';
import * as repo from './project.repository';
import { COLUMN_OF } from './project-input';

async function loadProject(ctx: ServiceContext, projectId: string) {
  const actor = requireActor(ctx);
  await assertProjectVisible(ctx.db.kysely, actor, projectId);
  const project = await repo.findProjectById(ctx.db.kysely, projectId);
  if (!project) throw errors.notFound('project');
  return { actor, project };
}

/** Milestones of a project; one past its planned date without an actual date is late (Shanghai today). */
export async function listMilestones(ctx: ServiceContext, projectId: string) {
  await loadProject(ctx, projectId);
  const day = today(ctx);
  return { items: (await mrepo.milestonesOf(ctx.db.kysely, projectId)).map((m) => presentMilestone(m, day)) };
}

export async function addMilestone(
  ctx: ServiceContext,
  projectId: string,
  input: { name: string; plannedDate: string; ownerName?: string | null | undefined },
) {
  const { actor, project } = await loadProject(ctx, projectId);
  assertProjectEditable(actor, project);
  const nowIso = ctx.clock.now().toISOString();
  const row: MilestoneTable = {
    id: newId(),
    project_id: projectId,
    name: input.name,
    planned_date: input.plannedDate,
    actual_date: null,
    owner_name: input.ownerName || null,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await mrepo.insertMilestone(trx, row);
    await writeAudit(trx, ctx, {
      entity: 'milestone',
      entityId: row.id,
      action: 'create',
      after: { ...row },
    });
  });
  return presentMilestone(row, today(ctx));
}

export async function updateMilestone(
  ctx: ServiceContext,
  projectId: string,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    plannedDate?: string | null | undefined;
    actualDate?: string | null | undefined;
    ownerName?: string | null | undefined;
  },
) {
  const { actor, project } = await loadProject(ctx, projectId);
  const db = ctx.db.kysely;
  const before = await mrepo.findMilestone(db, projectId, id);
  if (!before) throw errors.notFound('milestone');
  assertProjectEditable(actor, project);
  const patch: Partial<MilestoneTable> = { updated_at: ctx.clock.now().toISOString() };
  if (input.name !== undefined) patch.name = input.name;
  if (input.plannedDate !== undefined) patch.planned_date = input.plannedDate;
  if (input.actualDate !== undefined) patch.actual_date = input.actualDate;
  if (input.ownerName !== undefined) patch.owner_name = input.ownerName || null;
  const day = today(ctx);
  if (patch.actual_date && patch.actual_date > day) {
    throw errors.validation([
      {
        path: 'actualDate',
        message: { zh: '实际完成日期不能晚于今天', en: 'The actual date cannot be in the future' },
      },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    if (!(await mrepo.updateMilestoneVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'milestone',
      entityId: id,
      action: 'update',
      before: { ...before },
      after: { ...before, ...patch, version: input.version + 1 },
    });
  });
  return presentMilestone({ ...before, ...patch, version: input.version + 1 }, day);
}

const stageName = (s: string | null) => (s ? projectStageLabel(s as ProjectStage) : { zh: '—', en: '—' });

const followupKindName = (kind: string) =>
  FOLLOWUP_KIND_LABELS[kind as keyof typeof FOLLOWUP_KIND_LABELS] ?? { zh: kind, en: kind };

/** Columns as API field names: what the web labels. Bookkeeping columns are not "edits". */
const PROJECT_FIELD_OF: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COLUMN_OF).map(([field, column]) => [column, field])),
  code: 'code',
  stage: 'stage',
  stage_date: 'stageDate',
  paused_from_stage: 'pausedFromStage',
  stage_reason: 'stageReason',
  lead_id: 'leadId',
  investors: 'investors',
};
const MILESTONE_FIELD_OF: Record<string, string> = {
  name: 'name',
  planned_date: 'plannedDate',
  actual_date: 'actualDate',
  owner_name: 'ownerName',
};
const NOT_AN_EDIT = new Set(['version', 'updated_at', 'search_text', 'is_sample', 'id', 'project_id']);

/** `project.landMu`, `milestone.plannedDate`: the changed fields of an audit row, for the web to label. */
function changedFields(entity: string, afterJson: string | null): string[] {
  if (!afterJson) return [];
  const names = entity === 'milestone' ? MILESTONE_FIELD_OF : PROJECT_FIELD_OF;
  return Object.keys(JSON.parse(afterJson) as object)
    .filter((k) => !NOT_AN_EDIT.has(k))
    .map((k) => `${entity}.${names[k] ?? k}`);
}

/** The link name an attach (`link` action, chain-attach.service.ts) recorded, if any. */
function linkNameOf(afterJson: string | null): string | null {
  if (!afterJson) return null;
  const after = JSON.parse(afterJson) as { link_name?: unknown };
  return typeof after.link_name === 'string' ? after.link_name : null;
}

/**
 * The project's file in time order, newest first: stage moves, milestones (planned and done),
 * follow-ups of the lead it was signed from, and edits from the audit log.
 */
export async function projectTimeline(ctx: ServiceContext, projectId: string) {
  const { actor, project } = await loadProject(ctx, projectId);
  const db = ctx.db.kysely;
  const [events, milestones] = await Promise.all([
    repo.stageEventsOf(db, projectId),
    mrepo.milestonesOf(db, projectId),
  ]);
  const items: TimelineItem[] = [];
  for (const e of events) {
    const to = stageName(e.to_stage);
    const skipped = parseJsonArray<string>(e.skipped_json).map((s) => stageName(s).zh);
    const detail = [e.reason, skipped.length ? `跳过：${skipped.join('、')}` : null]
      .filter(Boolean)
      .join('；');
    items.push({
      at: e.at,
      date: e.date,
      kind: 'stage',
      title: e.from_stage
        ? {
            zh: `阶段：${stageName(e.from_stage).zh} → ${to.zh}`,
            en: `Stage: ${stageName(e.from_stage).en} → ${to.en}`,
          }
        : { zh: `阶段：${to.zh}`, en: `Stage: ${to.en}` },
      detail: detail || null,
      fields: [],
      actorName: e.actor_name,
    });
  }
  for (const m of milestones) {
    if (m.actual_date) {
      items.push({
        at: m.updated_at,
        date: m.actual_date,
        kind: 'milestone',
        title: { zh: `完成：${m.name}`, en: `Done: ${m.name}` },
        detail: m.planned_date ? `计划 ${m.planned_date}` : null,
        fields: [],
        actorName: m.owner_name,
      });
    } else if (m.planned_date) {
      items.push({
        at: m.created_at,
        date: m.planned_date,
        kind: 'milestone',
        title: { zh: `计划：${m.name}`, en: `Planned: ${m.name}` },
        detail: null,
        fields: [],
        actorName: m.owner_name,
      });
    }
  }
  if (project.lead_id && maySeeFollowups(actor)) {
    for (const f of await mrepo.followupsOfLead(db, project.lead_id)) {
      items.push({
        at: f.created_at,
        date: f.date,
        kind: 'followup',
        title: {
          zh: `跟进（${followupKindName(f.kind).zh}）`,
          en: `Follow-up (${followupKindName(f.kind).en})`,
        },
        detail: [f.people, f.notes].filter(Boolean).join('：') || null,
        fields: [],
        actorName: f.actor_name,
      });
    }
  }
  for (const a of await mrepo.auditOfProject(
    db,
    projectId,
    milestones.map((m) => m.id),
  )) {
    if (a.action === 'stage.move') continue; // already on the timeline as a stage event
    const what = a.entity === 'milestone' ? '里程碑' : '项目';
    const whatEn = a.entity === 'milestone' ? 'milestone' : 'project';
    const actorName = a.display_name ?? a.actor_name;
    if (a.action === 'link') {
      const linkName = linkNameOf(a.after_json);
      items.push({
        at: a.at,
        date: toShanghaiDate(a.at),
        kind: 'edit',
        title: linkName
          ? { zh: '关联产业链环节', en: 'Attached to a chain link' }
          : { zh: '取消关联产业链环节', en: 'Detached from its chain link' },
        detail: linkName,
        fields: [],
        actorName,
      });
      continue;
    }
    items.push({
      at: a.at,
      date: toShanghaiDate(a.at),
      kind: 'edit',
      title:
        a.action === 'create'
          ? { zh: `新建${what}`, en: `Created ${whatEn}` }
          : { zh: `修改${what}`, en: `Edited ${whatEn}` },
      detail: null,
      fields: a.action === 'create' ? [] : changedFields(a.entity, a.after_json),
      actorName,
    });
  }
  items.sort((x, y) => (x.date === y.date ? y.at.localeCompare(x.at) : y.date.localeCompare(x.date)));
  return { items };
}
