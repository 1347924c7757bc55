import type { Kysely, Transaction } from 'kysely';
import type { CampaignActionTable, CampaignTable, Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export function listCampaigns(db: Q) {
  return db.selectFrom('campaign').selectAll().orderBy('year', 'desc').orderBy('created_at').execute();
}

export function findCampaign(db: Q, id: string) {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listActions(db: Q, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaign_action')
    .leftJoin('department', 'department.id', 'campaign_action.lead_department_id')
    .selectAll('campaign_action')
    .select('department.name as lead_department_name')
    .where('campaign_action.campaign_id', 'in', campaignIds)
    .orderBy('campaign_action.position')
    .execute();
}

/** Status, deadline and latest percentage of every task of the campaigns, for progress counts. */
export async function campaignTaskFacts(db: Q, campaignIds: string[]) {
  if (campaignIds.length === 0) return [];
  const tasks = await db
    .selectFrom('task')
    .select(['id', 'campaign_id', 'campaign_action_id', 'status', 'deadline'])
    .where('campaign_id', 'in', campaignIds)
    .execute();
  const ids = tasks.map((t) => t.id);
  const reports =
    ids.length === 0
      ? []
      : await db
          .selectFrom('task_report')
          .select(['task_id', 'percent', 'updated_at'])
          .where('task_id', 'in', ids)
          .orderBy('updated_at')
          .execute();
  const latest = new Map<string, number>();
  for (const r of reports) if (r.percent !== null) latest.set(r.task_id, Number(r.percent));
  return tasks.map((t) => ({ ...t, percent: t.status === 'closed' ? 100 : (latest.get(t.id) ?? 0) }));
}

export async function insertCampaign(db: Q, row: CampaignTable, actions: CampaignActionTable[]) {
  await db.insertInto('campaign').values(row).execute();
  if (actions.length > 0) await db.insertInto('campaign_action').values(actions).execute();
}
