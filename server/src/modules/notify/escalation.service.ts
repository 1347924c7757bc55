import type { Kysely, Transaction } from 'kysely';
import { type EscalationLevel, escalationRank } from '../../../../shared/src/escalation';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { ESCALATION_ACTOR, writeAutomaticAudit } from '../audit/audit.writer';
import { type NotificationKind, notify, usersOfDepartment, usersWithRole } from './notify.service';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * A kind of record that escalates when overdue (factor requests, tasks). The sweep asks each
 * source it is given for its overdue records, so notify imports none of the areas that notify
 * (the sources are composed in server/src/escalation-sources.ts).
 */
export interface EscalationSource {
  /** The running records past their deadline, each as the escalation `now` reaches (level may be 'none'). */
  overdueSubjects(db: Kysely<Database>, now: Date): Promise<EscalationSubject[]>;
}

export interface EscalationSubject {
  entity: 'factor_request' | 'task';
  entityId: string;
  /** The deadline the level was computed against: a new deadline starts the ladder again. */
  deadline: string;
  /** The level escalationOf() computed from the data now. */
  level: EscalationLevel;
  /** The unit holding it: its users hear of the first step, on behalf of its head. */
  departmentId: string | null;
  /** Who each step goes to, as shown on the record: 部门负责人 …, 包保领导 … */
  headTarget: string;
  leaderTarget: string;
  /** Zone officers who should also hear of the leader step (the project's officer). */
  alsoNotify: string[];
  title: string;
  kind: Extract<NotificationKind, 'request.escalated' | 'task.escalated'>;
}

/**
 * Records the escalation steps an overdue item has reached and tells the people of each new step.
 * Idempotent: each (item, level, deadline) is inserted once (unique index, insert-or-ignore), and
 * notifications are keyed by the same identity, so the sweep and every read may call it freely.
 * Returns how many steps were new.
 */
export async function recordEscalation(db: Q, nowIso: string, s: EscalationSubject): Promise<number> {
  let added = 0;
  const reached: EscalationLevel[] = (['head', 'leader'] as const).filter(
    (l) => escalationRank(s.level) >= escalationRank(l),
  );
  for (const level of reached) {
    const target = level === 'head' ? s.headTarget : s.leaderTarget;
    const res = await db
      .insertInto('escalation')
      .values({
        id: newId(),
        entity: s.entity,
        entity_id: s.entityId,
        level,
        deadline: s.deadline,
        target,
        at: nowIso,
      })
      .onConflict((oc) => oc.columns(['entity', 'entity_id', 'level', 'deadline']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    added += 1;
    await writeAutomaticAudit(db, nowIso, ESCALATION_ACTOR, {
      entity: s.entity,
      entityId: s.entityId,
      action: `${s.entity === 'task' ? 'task' : 'request'}.escalated`,
      after: { title: s.title, level, target, deadline: s.deadline },
    });
    const users =
      level === 'head'
        ? [...(await usersOfDepartment(db, s.departmentId)), ...(await usersWithRole(db, ['admin']))]
        : [...(await usersWithRole(db, ['leader', 'admin'])), ...s.alsoNotify];
    await notify(db, nowIso, users, {
      kind: s.kind,
      title: `【超期升级】${s.title}`,
      body: `已超过办理期限（${s.deadline}），升级至${target}`,
      entity: s.entity,
      entityId: s.entityId,
      dedupeKey: `escalation:${s.entity}:${s.entityId}:${level}:${s.deadline}`,
    });
  }
  return added;
}
