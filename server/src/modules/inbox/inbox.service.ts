import type { InboxItem } from '../../../../shared/src/contract/inbox';
import { daysBetween, periodOf } from '../../../../shared/src/dates';
import { recordPath } from '../../../../shared/src/record-path';
import type { ServiceContext } from '../../plugins/context';
import { requireActor, today } from '../../plugins/context';
import * as repo from './inbox.repository';

function present(raw: repo.RawItem, day: string): InboxItem {
  const late = raw.deadline && raw.deadline < day ? daysBetween(raw.deadline, day) : 0;
  return {
    kind: raw.kind,
    id: raw.id,
    code: raw.code,
    title: raw.title,
    status: raw.status,
    deadline: raw.deadline,
    overdue: late > 0,
    daysLate: late,
    link: recordPath(raw.kind, raw.id, raw.parentId),
  };
}

/** The work items of the actor, by section, from the data (nothing is stored per inbox). */
async function sections(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const day = today(ctx);
  const assigned: repo.RawItem[] = [];
  const toConfirm: repo.RawItem[] = [];
  const watch: repo.RawItem[] = [];
  const dept = actor.departmentId;
  switch (actor.role) {
    case 'department':
      if (dept) {
        assigned.push(...(await repo.requestsOfDepartment(db, dept)));
        assigned.push(...(await repo.tasksOfDepartment(db, dept)));
        assigned.push(...(await repo.problemItemsOfDepartment(db, dept)));
      }
      break;
    case 'enterprise':
      if (actor.firmId) toConfirm.push(...(await repo.requestsToConfirm(db, { firmId: actor.firmId })));
      break;
    case 'officer':
      assigned.push(...(await repo.requestsToAssign(db)));
      if (dept) assigned.push(...(await repo.tasksOfDepartment(db, dept)));
      toConfirm.push(...(await repo.requestsToConfirm(db, { raisedById: actor.userId })));
      break;
    case 'leader':
    case 'supervisor':
      // The closings awaiting a check outside the unit: the 督查室's queue (decision 013).
      toConfirm.push(...(await repo.tasksToClose(db, dept)), ...(await repo.problemItemsToVerify(db, dept)));
      watch.push(...(await repo.overdueRequests(db, day)), ...(await repo.overdueTasks(db, day)));
      break;
    case 'admin':
      assigned.push(...(await repo.requestsToAssign(db)));
      toConfirm.push(...(await repo.tasksToClose(db, dept)), ...(await repo.problemItemsToVerify(db, dept)));
      watch.push(...(await repo.overdueRequests(db, day)), ...(await repo.overdueTasks(db, day)));
      break;
  }
  const week = periodOf('week', day);
  const items = assigned.map((r) => present(r, day));
  const seen = new Set<string>();
  const overdue = [...items.filter((i) => i.overdue), ...watch.map((r) => present(r, day))].filter((i) => {
    const key = `${i.kind}:${i.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    assigned: items,
    dueThisWeek: items.filter((i) => i.deadline && i.deadline >= day && i.deadline <= week.end),
    overdue: overdue.sort((a, b) => b.daysLate - a.daysLate),
    toConfirm: toConfirm.map((r) => present(r, day)),
  };
}

/**
 * The badge: what needs the user now — items to confirm, overdue items they hold or watch, and
 * unread notifications.
 */
function badgeOf(s: Awaited<ReturnType<typeof sections>>, unread: number): number {
  return s.toConfirm.length + s.overdue.length + unread;
}

export async function getInbox(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const s = await sections(ctx);
  const [notes, unread] = await Promise.all([
    repo.listNotifications(ctx.db.kysely, actor.userId, 30),
    repo.countUnread(ctx.db.kysely, actor.userId),
  ]);
  return {
    ...s,
    notifications: notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.entity_id ? recordPath(n.entity ?? '', n.entity_id) : null,
      createdAt: n.created_at,
      read: n.read_at !== null,
    })),
    unread,
    badge: badgeOf(s, unread),
  };
}

export async function getInboxCount(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  const [s, unread] = await Promise.all([sections(ctx), repo.countUnread(ctx.db.kysely, actor.userId)]);
  return { badge: badgeOf(s, unread), unread };
}

/** Marks one notification (or, without an id, all of the user's) as read. */
export async function markNotificationsRead(ctx: ServiceContext, id?: string) {
  const actor = requireActor(ctx);
  const updated = await repo.markRead(ctx.db.kysely, actor.userId, ctx.clock.now().toISOString(), id);
  return { updated };
}
