import type { Bilingual } from './i18n-message';

/**
 * The factor request (要素保障需求) and its status machine. A project or its firm asks for land,
 * power, water, gas, finance, labour, an approval or infrastructure; an officer assigns it to a
 * department with a deadline; the department accepts, works it with progress notes and resolves
 * it; the requester confirms the resolution or reopens it.
 *
 *   submitted → assigned → accepted → in_progress → resolved → confirmed
 *                  ↑            ↑_____________________|  (reopened: the requester is not satisfied)
 *   rejected (with a reason: not a valid request, or not this department's competence) → reassigned
 *
 * Each move is made by one kind of actor (the service works out which kinds the signed-in user is
 * for this record): the coordinator (officer or admin) assigns and reassigns; the assigned
 * department accepts, works, resolves or declines; the requester (the firm's user, or the officer
 * who raised it on the firm's behalf) confirms or reopens.
 */

export const REQUEST_TYPES = [
  'land',
  'power',
  'water',
  'gas',
  'finance',
  'labour',
  'approval',
  'infrastructure',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * Default days from assignment to the department's deadline, per type (editable on assignment).
 * Approvals have statutory time limits of about two weeks; land and infrastructure need surveys and
 * procurement, so a month; utilities connections two weeks.
 */
export const REQUEST_DEFAULT_DAYS: Record<RequestType, number> = {
  land: 30,
  power: 14,
  water: 14,
  gas: 14,
  finance: 21,
  labour: 21,
  approval: 10,
  infrastructure: 30,
  other: 14,
};

export const REQUEST_TYPE_LABELS: Record<RequestType, Bilingual> = {
  land: { zh: '用地', en: 'Land' },
  power: { zh: '用电用能', en: 'Power and energy' },
  water: { zh: '用水', en: 'Water' },
  gas: { zh: '用气', en: 'Gas' },
  finance: { zh: '融资', en: 'Finance' },
  labour: { zh: '用工', en: 'Labour' },
  approval: { zh: '审批手续', en: 'Approvals and permits' },
  infrastructure: { zh: '基础设施配套', en: 'Infrastructure' },
  other: { zh: '其他', en: 'Other' },
};

export const REQUEST_STATUS_KEYS = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'resolved',
  'confirmed',
  'reopened',
  'rejected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUS_KEYS)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, Bilingual> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  assigned: { zh: '已交办', en: 'Assigned' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  reopened: { zh: '已退回重办', en: 'Reopened' },
  rejected: { zh: '已退回', en: 'Rejected' },
};

/** Statuses in which a department holds the request: these run against the deadline and escalate. */
export const REQUEST_WORKING_STATUSES = ['assigned', 'accepted', 'in_progress', 'reopened'] as const;

export function isWorkingStatus(status: RequestStatus): boolean {
  return (REQUEST_WORKING_STATUSES as readonly string[]).includes(status);
}

/** Open: anything not confirmed (rejected requests wait for the coordinator to reassign them). */
export function isOpenRequestStatus(status: RequestStatus): boolean {
  return status !== 'confirmed';
}

export const REQUEST_LIMITS = {
  /** A reason or resolution is a paragraph; the detail goes in progress notes and attachments. */
  reasonMaxLength: 1000,
  noteMaxLength: 4000,
} as const;

/** Who makes a move, relative to one request. */
export type RequestActorKind = 'coordinator' | 'department' | 'requester';

type Rule = {
  from: readonly RequestStatus[];
  by: RequestActorKind;
  reason: 'required' | 'no' | 'unless_from_submitted';
};

/** Every allowed move: target status → who may make it from where, and whether it needs a reason. */
const RULES: Record<RequestStatus, readonly Rule[]> = {
  submitted: [],
  assigned: [
    {
      from: ['submitted', 'assigned', 'accepted', 'in_progress', 'reopened', 'rejected'],
      by: 'coordinator',
      // Reassigning work a department already holds says why; a first assignment does not.
      reason: 'unless_from_submitted',
    },
  ],
  accepted: [{ from: ['assigned', 'reopened'], by: 'department', reason: 'no' }],
  in_progress: [{ from: ['accepted'], by: 'department', reason: 'no' }],
  // The "reason" of a resolution is what was done (the resolution note).
  resolved: [{ from: ['accepted', 'in_progress', 'reopened'], by: 'department', reason: 'required' }],
  confirmed: [
    { from: ['resolved'], by: 'requester', reason: 'no' },
    { from: ['resolved'], by: 'coordinator', reason: 'no' },
  ],
  reopened: [
    { from: ['resolved'], by: 'requester', reason: 'required' },
    { from: ['resolved'], by: 'coordinator', reason: 'required' },
  ],
  rejected: [
    { from: ['submitted'], by: 'coordinator', reason: 'required' },
    { from: ['assigned', 'accepted', 'in_progress', 'reopened'], by: 'department', reason: 'required' },
  ],
};

export type RequestMoveRefusal = 'same_status' | 'final' | 'not_allowed' | 'not_yours' | 'reason_required';

export type RequestMoveResult =
  | { ok: true; by: RequestActorKind }
  | { ok: false; code: RequestMoveRefusal; message: Bilingual };

const ACTOR_LABELS: Record<RequestActorKind, Bilingual> = {
  coordinator: { zh: '招商专员或管理员', en: 'an officer or administrator' },
  department: { zh: '承办部门', en: 'the assigned department' },
  requester: { zh: '提出需求的企业', en: 'the requesting firm' },
};

function refuse(code: RequestMoveRefusal, message: Bilingual): RequestMoveResult {
  return { ok: false, code, message };
}

/**
 * Whether an actor who is `as` (one or more kinds) for this request may move it from `from` to
 * `to`. Refusals say why in both languages.
 */
export function canMoveRequest(
  from: RequestStatus,
  to: RequestStatus,
  move: { as: readonly RequestActorKind[]; reason?: string | null | undefined },
): RequestMoveResult {
  const f = REQUEST_STATUS_LABELS[from];
  const t = REQUEST_STATUS_LABELS[to];
  if (from === 'confirmed') {
    return refuse('final', {
      zh: '需求已确认办结，状态不能再变更；如有新问题请新建需求',
      en: 'The request is confirmed and closed; raise a new request for a new problem',
    });
  }
  if (from === to && to !== 'assigned') {
    return refuse('same_status', { zh: `需求已是“${f.zh}”状态`, en: `The request is already "${f.en}"` });
  }
  const rules = RULES[to].filter((r) => r.from.includes(from));
  if (rules.length === 0) {
    return refuse('not_allowed', {
      zh: `需求不能从“${f.zh}”变为“${t.zh}”`,
      en: `A request cannot go from "${f.en}" to "${t.en}"`,
    });
  }
  const rule = rules.find((r) => move.as.includes(r.by));
  if (!rule) {
    const who = rules.map((r) => ACTOR_LABELS[r.by]);
    return refuse('not_yours', {
      zh: `只有${who.map((w) => w.zh).join('或')}可以将需求变为“${t.zh}”`,
      en: `Only ${who.map((w) => w.en).join(' or ')} can move the request to "${t.en}"`,
    });
  }
  const needsReason =
    rule.reason === 'required' || (rule.reason === 'unless_from_submitted' && from !== 'submitted');
  if (needsReason && !move.reason?.trim()) {
    const what =
      to === 'resolved'
        ? { zh: '办结需要填写办理结果', en: 'Resolving needs the resolution' }
        : { zh: `变为“${t.zh}”需要填写原因`, en: `Moving to "${t.en}" needs a reason` };
    return refuse('reason_required', what);
  }
  return { ok: true, by: rule.by };
}

/** The moves an actor can make from `from` (for buttons), with whether each needs a reason. */
export function requestMovesFor(
  from: RequestStatus,
  as: readonly RequestActorKind[],
): Array<{ to: RequestStatus; needsReason: boolean }> {
  const out: Array<{ to: RequestStatus; needsReason: boolean }> = [];
  for (const to of REQUEST_STATUS_KEYS) {
    if (to === 'assigned') continue; // assignment has its own form (department and deadline)
    const ok = canMoveRequest(from, to, { as, reason: 'x' });
    if (!ok.ok) continue;
    out.push({ to, needsReason: !canMoveRequest(from, to, { as }).ok });
  }
  return out;
}
