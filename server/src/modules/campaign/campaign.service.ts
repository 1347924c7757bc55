import type { Campaign, CampaignDetail } from '../../../../shared/src/contract/campaign';
import type { ListResult } from '../../../../shared/src/contract/list';
import type { CampaignKind } from '../../../../shared/src/task-status';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { listFigures, presentFigure } from '../programme/programme.service';
import * as repo from './campaign.repository';

type Fact = Awaited<ReturnType<typeof repo.campaignTaskFacts>>[number];

function progressOf(facts: Fact[], day: string) {
  const total = facts.length;
  return {
    taskTotal: total,
    taskClosed: facts.filter((f) => f.status === 'closed').length,
    taskOverdue: facts.filter((f) => f.status === 'in_progress' && !!f.deadline && f.deadline < day).length,
    progress: total === 0 ? 0 : Math.round(facts.reduce((s, f) => s + f.percent, 0) / total),
  };
}

async function present(
  ctx: ServiceContext,
  rows: NonNullable<Awaited<ReturnType<typeof repo.findCampaign>>>[],
): Promise<CampaignDetail[]> {
  const ids = rows.map((r) => r.id);
  const [actions, facts, figures] = await Promise.all([
    repo.listActions(ctx.db.kysely, ids),
    repo.campaignTaskFacts(ctx.db.kysely, ids),
    listFigures(ctx.db.kysely, 'campaign', ids),
  ]);
  const day = today(ctx);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind as CampaignKind,
    theme: c.theme,
    year: c.year === null ? null : Number(c.year),
    region: c.region,
    description: c.description,
    actionCount: actions.filter((a) => a.campaign_id === c.id).length,
    figures: figures.filter((f) => f.owner_id === c.id).map(presentFigure),
    isSample: c.is_sample === 1,
    ...progressOf(
      facts.filter((f) => f.campaign_id === c.id),
      day,
    ),
    actions: actions
      .filter((a) => a.campaign_id === c.id)
      .map((a) => ({
        id: a.id,
        position: a.position,
        name: a.name,
        leadDepartmentName: a.lead_department_name,
        isSample: a.is_sample === 1,
        ...progressOf(
          facts.filter((f) => f.campaign_action_id === a.id),
          day,
        ),
      })),
  }));
}

/** Every campaign with its progress (tasks closed, overdue, mean reported percentage). */
export async function listCampaignRecords(ctx: ServiceContext): Promise<ListResult<Campaign>> {
  requireActor(ctx);
  const rows = await repo.listCampaigns(ctx.db.kysely);
  const items = (await present(ctx, rows)).map(({ actions: _a, ...c }) => c);
  return { items, total: items.length };
}

export async function getCampaign(ctx: ServiceContext, id: string): Promise<CampaignDetail> {
  requireActor(ctx);
  const row = await repo.findCampaign(ctx.db.kysely, id);
  if (!row) throw errors.notFound('campaign');
  const [detail] = await present(ctx, [row]);
  return detail as NonNullable<typeof detail>;
}

export async function createCampaign(
  ctx: ServiceContext,
  input: {
    name: string;
    kind: CampaignKind;
    theme?: string | null | undefined;
    year?: number | null | undefined;
    region?: string | null | undefined;
    description?: string | null | undefined;
    actions?: Array<{ name: string; leadDepartmentId?: string | null | undefined }> | undefined;
  },
) {
  const nowIso = ctx.clock.now().toISOString();
  const id = newId();
  const row = {
    id,
    name: input.name,
    kind: input.kind,
    theme: input.theme ?? null,
    year: input.year ?? null,
    region: input.region ?? null,
    description: input.description ?? null,
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  const actions = (input.actions ?? []).map((a, i) => ({
    id: newId(),
    campaign_id: id,
    position: i + 1,
    name: a.name,
    lead_department_id: a.leadDepartmentId ?? null,
    is_sample: 0,
    created_at: nowIso,
  }));
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertCampaign(trx, row, actions);
    await writeAudit(trx, ctx, {
      entity: 'campaign',
      entityId: id,
      action: 'create',
      after: { ...row, actions: actions.length },
    });
  });
  return getCampaign(ctx, id);
}
