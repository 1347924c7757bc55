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

/** Audit rows about the project and its milestones: the "edits" of the timeline. */
export function auditOfProject(db: Q, projectId: string, milestoneIds: readonly string[]) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'entity', 'entity_id', 'action', 'after_json'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'project'), eb('entity_id', '=', projectId)]),
        ...(milestoneIds.length
          ? [eb.and([eb('entity', '=', 'milestone'), eb('entity_id', 'in', milestoneIds)])]
          : []),
      ]),
    )
    .orderBy('at', 'desc')
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
