import type { AuditEntry } from '../../../../shared/src/contract/account';
import type { AuditRow } from './audit.repository';
import { ESCALATION_ACTOR } from './audit.writer';

/** Who made a change: a person, the system (a job, the CLI) or the escalation sweep. */
function actorKindOf(row: AuditRow): AuditEntry['actorKind'] {
  if (row.actor_id) return 'user';
  if (row.actor_name === ESCALATION_ACTOR) return 'escalation';
  if (row.actor_name === 'system' || row.actor_name === 'cli') return 'system';
  // No user id but a name: a failed sign-in names who was tried.
  return 'user';
}

/** An audit_log row as the API answers it. */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorDisplayName: row.actor_display_name,
    actorKind: actorKindOf(row),
    ip: row.ip,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json ? (JSON.parse(row.before_json) as Record<string, unknown>) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Record<string, unknown>) : null,
  };
}
