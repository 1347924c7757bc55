import type { Bilingual } from './i18n-message';

/**
 * The lead status machine (招商线索状态). An open lead moves new → contacted → visited →
 * negotiating → signed; it can be shelved (搁置, e.g. the firm postponed its plans) and later
 * reopened, or lost (流失, the firm went elsewhere or gave up). Signed and lost are final: signing
 * creates the project, and a lost lead that comes back is a new lead with its own history.
 *
 * Rules, in the same style as the project stage machine:
 * - Forward, one or more steps: allowed (a referral can go straight to a visit); skipped statuses
 *   are returned for the follow-up log. Nothing is required — what signing needs (the target firm,
 *   the project's fields) is checked by the service that creates the project.
 * - Backward between open statuses: only with a reason.
 * - Shelve (from an open status) and lose (from an open or shelved lead): only with a reason.
 * - Reopen a shelved lead: to any open status, no reason needed (the reopening itself is logged);
 *   a shelved lead cannot be signed without being reopened first.
 */

export const LEAD_STATUS_KEYS = [
  'new',
  'contacted',
  'visited',
  'negotiating',
  'signed',
  'shelved',
  'lost',
] as const;

export type LeadStatus = (typeof LEAD_STATUS_KEYS)[number];
export type OpenLeadStatus = Exclude<LeadStatus, 'signed' | 'shelved' | 'lost'>;

export type LeadStatusInfo = {
  readonly key: LeadStatus;
  /** 1–5 along the path to signing; null for shelved and lost, which sit outside it. */
  readonly order: number | null;
  readonly zh: string;
  readonly en: string;
  /** No move leaves a final status. */
  readonly final: boolean;
};

export const LEAD_STATUSES = [
  { key: 'new', order: 1, zh: '新线索', en: 'New', final: false },
  { key: 'contacted', order: 2, zh: '已对接', en: 'Contacted', final: false },
  { key: 'visited', order: 3, zh: '已拜访', en: 'Visited', final: false },
  { key: 'negotiating', order: 4, zh: '洽谈中', en: 'Negotiating', final: false },
  { key: 'signed', order: 5, zh: '已签约', en: 'Signed', final: true },
  { key: 'shelved', order: null, zh: '已搁置', en: 'Shelved', final: false },
  { key: 'lost', order: null, zh: '已流失', en: 'Lost', final: true },
] as const satisfies readonly LeadStatusInfo[];

export const LEAD_STATUS_LIMITS = {
  /** A reason is a sentence or two in the follow-up log; details go in a follow-up note. */
  reasonMaxLength: 500,
} as const;

const INFO: ReadonlyMap<LeadStatus, LeadStatusInfo> = new Map(LEAD_STATUSES.map((s) => [s.key, s]));

function info(status: LeadStatus): LeadStatusInfo {
  const found = INFO.get(status);
  if (!found) throw new RangeError(`Unknown lead status "${status}"`);
  return found;
}

export function isLeadStatus(value: unknown): value is LeadStatus {
  return typeof value === 'string' && INFO.has(value as LeadStatus);
}

/** True for the statuses an officer still works: new, contacted, visited, negotiating. */
export function isOpenLeadStatus(value: unknown): value is OpenLeadStatus {
  return isLeadStatus(value) && !info(value).final && info(value).order !== null;
}

export function leadStatusLabel(status: LeadStatus): Bilingual {
  const { zh, en } = info(status);
  return { zh, en };
}

export type LeadMoveInput = { reason?: string | null };

export type LeadMoveKind = 'forward' | 'backward' | 'shelve' | 'lose' | 'reopen';

export type LeadMoveRefusal = 'same_status' | 'final' | 'reason_required' | 'reopen_first';

export type LeadMoveResult =
  | {
      ok: true;
      kind: LeadMoveKind;
      /** Statuses passed over by a forward move, in order; empty otherwise. */
      skipped: OpenLeadStatus[];
    }
  | { ok: false; code: LeadMoveRefusal; message: Bilingual };

function refuse(code: LeadMoveRefusal, message: Bilingual): LeadMoveResult {
  return { ok: false, code, message };
}

function needReason(zh: string, en: string): LeadMoveResult {
  return refuse('reason_required', { zh: `${zh}需要填写原因`, en: `${en} needs a reason` });
}

/**
 * Whether a lead at `from` may move to `to`; `move.reason` is required to go backward, shelve or
 * lose. On refusal, `message` tells the user why and what to do.
 */
export function canMoveLead(from: LeadStatus, to: LeadStatus, move: LeadMoveInput = {}): LeadMoveResult {
  const source = info(from);
  const target = info(to);
  const hasReason = !!move.reason?.trim();

  if (source.final) {
    return refuse('final', {
      zh: `线索${source.zh}，状态不能再变更${from === 'lost' ? '；如对方重新有意向，请新建线索' : ''}`,
      en: `The lead is ${source.en.toLowerCase()}; its status can no longer change${from === 'lost' ? '. If the firm is interested again, create a new lead' : ''}`,
    });
  }
  if (from === to) {
    return refuse('same_status', {
      zh: `线索已是“${source.zh}”状态`,
      en: `The lead is already "${source.en}"`,
    });
  }
  if (to === 'lost') {
    return hasReason
      ? { ok: true, kind: 'lose', skipped: [] }
      : needReason('标记线索流失', 'Marking a lead as lost');
  }
  if (to === 'shelved') {
    return hasReason ? { ok: true, kind: 'shelve', skipped: [] } : needReason('搁置线索', 'Shelving a lead');
  }
  if (from === 'shelved') {
    if (to === 'signed') {
      return refuse('reopen_first', {
        zh: '搁置的线索需先重新激活，才能签约',
        en: 'A shelved lead must be reopened before it can be signed',
      });
    }
    return { ok: true, kind: 'reopen', skipped: [] };
  }

  // Both are on the path to signing from here on.
  const fromOrder = source.order!;
  const toOrder = target.order!;
  if (toOrder < fromOrder) {
    return hasReason
      ? { ok: true, kind: 'backward', skipped: [] }
      : needReason(`退回到“${target.zh}”状态`, `Moving back to "${target.en}"`);
  }
  const skipped = LEAD_STATUSES.filter((s) => s.order !== null && s.order > fromOrder && s.order < toOrder)
    .map((s) => s.key)
    .filter(isOpenLeadStatus);
  return { ok: true, kind: 'forward', skipped };
}
