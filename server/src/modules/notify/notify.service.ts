import type { Kysely, Transaction } from 'kysely';
import { recordPath } from '../../../../shared/src/record-path';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { enabledChannels, insertDeliveryOnce } from './channel.repository';
import { activeUserIdsOf, activeUserIdsWithRole, insertNotificationOnce } from './notify.repository';

type Q = Kysely<Database> | Transaction<Database>;

/** What happened, for the inbox icon and for which events an outbound channel forwards. */
export const NOTIFICATION_KINDS = [
  'request.submitted',
  'request.assigned',
  'request.moved',
  'request.resolved',
  'request.escalated',
  'task.assigned',
  'task.proposed',
  'task.decided',
  'task.escalated',
  'problem.assigned',
  // A problem item's closing proposed to, verified or returned by the 督查室 (decision 013).
  'problem.propose',
  'problem.verify',
  'problem.return',
  // A dispatch round reminder (issue 6): the project's report is due or missing.
  'round.reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  entity: 'factor_request' | 'task' | 'problem_list' | 'round';
  entityId: string;
  /**
   * The event's identity: a user is told about one event once, so a retried move or a sweep that
   * runs again adds nothing (unique per user and key).
   */
  dedupeKey: string;
}

/** Who should hear about a unit's work: the department's users. */
export async function usersOfDepartment(db: Q, departmentId: string | null): Promise<string[]> {
  if (!departmentId) return [];
  const rows = await activeUserIdsOf(db, { department_id: departmentId, role: 'department' });
  return rows.map((r) => r.id);
}

export async function usersWithRole(db: Q, roles: string[]): Promise<string[]> {
  const rows = await activeUserIdsWithRole(db, roles);
  return rows.map((r) => r.id);
}

export async function usersOfFirm(db: Q, firmId: string): Promise<string[]> {
  const rows = await activeUserIdsOf(db, { firm_id: firmId, role: 'enterprise' });
  return rows.map((r) => r.id);
}

/**
 * Stores a notification for each user (in the caller's transaction, so an event and its
 * notifications commit together) and queues it once on every enabled outbound channel that
 * forwards this kind. Repeats of the same event are ignored.
 */
export async function notify(db: Q, nowIso: string, userIds: Iterable<string>, n: NotificationInput) {
  const users = [...new Set(userIds)];
  for (const userId of users) {
    await insertNotificationOnce(db, {
      id: newId(),
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      entity: n.entity,
      entity_id: n.entityId,
      dedupe_key: n.dedupeKey,
      created_at: nowIso,
      read_at: null,
    });
  }
  await queueOutbound(db, nowIso, n);
}

async function queueOutbound(db: Q, nowIso: string, n: NotificationInput) {
  const channels = await enabledChannels(db);
  for (const ch of channels) {
    const config = JSON.parse(ch.config_json) as { kinds?: string[] };
    if (config.kinds && config.kinds.length > 0 && !config.kinds.includes(n.kind)) continue;
    await insertDeliveryOnce(db, {
      id: newId(),
      channel_id: ch.id,
      dedupe_key: n.dedupeKey,
      subject: n.title,
      body: n.body ?? n.title,
      link_path: recordPath(n.entity, n.entityId),
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_at: nowIso,
      sent_at: null,
      created_at: nowIso,
    });
  }
}
