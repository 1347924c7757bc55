import type { Kysely, Transaction } from 'kysely';
import { type EscalationLevel, escalationRank } from '../../../../shared/src/escalation';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { ESCALATION_ACTOR, writeAutomaticAudit } from '../audit/audit.writer';
import { departmentHead } from '../department/department.service';
import { insertEscalationOnce, recordedEscalationLevels } from './notify.repository';
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
  /** The unit holding it: its head user (负责人) and its users hear of the first step. */
  departmentId: string | null;
  /**
   * Who each step goes to, as shown on the record: 部门负责人 …, 包保领导 … The head step names the
   * unit's head user when one is linked (headStep); this text is what it says when none is.
   */
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
  // Steps already on record are skipped before anything is looked up: the sweep calls this for every
  // overdue item every minute, and only a new step needs the unit's head and a notification.
  const recorded = new Set(
    (await recordedEscalationLevels(db, s.entity, s.entityId, s.deadline)).map((r) => r.level),
  );
  for (const level of reached) {
    if (recorded.has(level)) continue;
    const head = level === 'head' ? await headStep(db, s) : null;
    const target = head ? head.target : s.leaderTarget;
    const inserted = await insertEscalationOnce(db, {
      id: newId(),
      entity: s.entity,
      entity_id: s.entityId,
      level,
      deadline: s.deadline,
      target,
      at: nowIso,
    });
    if (!inserted) continue;
    added += 1;
    await writeAutomaticAudit(db, nowIso, ESCALATION_ACTOR, {
      entity: s.entity,
      entityId: s.entityId,
      action: `${s.entity === 'task' ? 'task' : 'request'}.escalated`,
      after: { title: s.title, level, target, deadline: s.deadline },
    });
    const users = head ? head.users : [...(await usersWithRole(db, ['leader', 'admin'])), ...s.alsoNotify];
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

/**
 * The first step (to the unit's head): the head user and the unit's users hear of it, and the
 * record names the head. A unit without a usable head user (none linked, or the linked one may no
 * longer head it: department.policy.ts) falls back to its users and the admins, as before heads were users, and the record says
 * so instead of naming someone who is not told.
 */
async function headStep(db: Q, s: EscalationSubject): Promise<{ target: string; users: string[] }> {
  const head = await departmentHead(db, s.departmentId);
  const unitUsers = await usersOfDepartment(db, s.departmentId);
  if (head?.user) {
    return {
      target: `${head.name}负责人 ${head.user.displayName}`,
      users: [head.user.id, ...unitUsers],
    };
  }
  return {
    target: `${s.headTarget}（无可用的负责人账号，已通知本部门用户和系统管理员）`,
    users: [...unitUsers, ...(await usersWithRole(db, ['admin']))],
  };
}
