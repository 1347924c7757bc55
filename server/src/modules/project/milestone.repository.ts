import type { Kysely, Transaction } from 'kysely';
import type { Database, MilestoneTable } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

export function milestonesOf(db: Q, projectId: string): Promise<MilestoneTable[]> {
  return db
    .selectFrom('milestone')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('planned_date')
    .orderBy('created_at')
    .execute();
}

export function findMilestone(db: Q, projectId: string, id: string) {
  return db
    .selectFrom('milestone')
    .selectAll()
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

export async function insertMilestone(db: Q, row: MilestoneTable): Promise<void> {
  await db.insertInto('milestone').values(row).execute();
}

export async function updateMilestoneVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<MilestoneTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('milestone')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Audit rows about the project and its milestones: the "edits" of the timeline. The log keeps the
 * username; the timeline shows people by their display name (the account's, when it still exists).
 */
export function auditOfProject(db: Q, projectId: string, milestoneIds: readonly string[]) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'a.actor_name', 'u.display_name', 'a.entity', 'a.entity_id', 'a.action', 'a.after_json'])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity', '=', 'project'), eb('a.entity_id', '=', projectId)]),
        ...(milestoneIds.length
          ? [eb.and([eb('a.entity', '=', 'milestone'), eb('a.entity_id', 'in', milestoneIds)])]
          : []),
      ]),
    )
    .orderBy('a.at', 'desc')
    .limit(500)
    .execute();
}

export function followupsOfLead(db: Q, leadId: string) {
  return db
    .selectFrom('lead_followup')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('date', 'desc')
    .limit(500)
    .execute();
}
