import { isLocalDate } from './dates';
import type { Bilingual } from './i18n-message';

/**
 * The project stage machine (项目阶段). A project moves from 签约 (signed) to 达产 (full design
 * capacity) through ten stages in order; it can also be paused (暂停) and resumed, or cancelled
 * (终止) for good. Each move is an explicit action with a date; this module only decides whether a
 * move is allowed and why not — the service records it on the project's timeline.
 *
 * Rules:
 * - Forward by one stage: allowed when the fields the move needs are present.
 * - Forward by several stages (skipping): allowed on the same condition for every skipped stage —
 *   the project must have what each skipped stage would have asked for — and the skipped stages
 *   are returned so the timeline can show them as passed on the move's date. Real projects do skip
 *   (a firm on its own land needs no 供地), and refusing would push officers to click through fake moves.
 * - Backward: allowed only with a reason (correcting a mistake, an acceptance that failed).
 * - Pause: from any active stage, with a reason. Resume: only to the stage it was paused in.
 * - Cancel: from any stage but cancelled, with a reason. Cancelled is final.
 */

export const PROJECT_STAGE_KEYS = [
  'signed',
  'registered',
  'land',
  'approved',
  'started',
  'structure_done',
  'completed',
  'commissioning',
  'producing',
  'full_capacity',
  'paused',
  'cancelled',
] as const;

export type ProjectStage = (typeof PROJECT_STAGE_KEYS)[number];
export type ActiveProjectStage = Exclude<ProjectStage, 'paused' | 'cancelled'>;

/** Project fields a stage move may require, with the label used when they are missing. */
export const PROJECT_STAGE_FIELDS = {
  landAreaMu: { zh: '用地面积（亩）', en: 'land area (mu)' },
  startDate: { zh: '开工日期', en: 'construction start date' },
  capacity: { zh: '设计产能（数量、单位、产品）', en: 'design capacity (quantity, unit, product)' },
} as const satisfies Record<string, Bilingual>;

export type ProjectStageField = keyof typeof PROJECT_STAGE_FIELDS;

export type ProjectStageInfo = {
  readonly key: ProjectStage;
  /** 1–10 along the delivery path; null for paused and cancelled, which sit outside it. */
  readonly order: number | null;
  readonly zh: string;
  readonly en: string;
  /** Fields that must be present to enter this stage (also when it is skipped over). */
  readonly enterRequires: readonly ProjectStageField[];
  /** Fields that must be present to move past this stage (also when it is skipped over). */
  readonly leaveRequires: readonly ProjectStageField[];
};

export const PROJECT_STAGES = [
  { key: 'signed', order: 1, zh: '签约', en: 'Signed', enterRequires: [], leaveRequires: [] },
  { key: 'registered', order: 2, zh: '注册', en: 'Company registered', enterRequires: [], leaveRequires: [] },
  // Land is supplied during this stage; its area is what 亩均 figures divide by, so it must be
  // known before the project moves on.
  { key: 'land', order: 3, zh: '供地', en: 'Land supply', enterRequires: [], leaveRequires: ['landAreaMu'] },
  { key: 'approved', order: 4, zh: '审批', en: 'Approvals', enterRequires: [], leaveRequires: [] },
  {
    key: 'started',
    order: 5,
    zh: '开工',
    en: 'Construction started',
    enterRequires: ['startDate'],
    leaveRequires: [],
  },
  {
    key: 'structure_done',
    order: 6,
    zh: '主体完工',
    en: 'Main structure done',
    enterRequires: [],
    leaveRequires: [],
  },
  {
    key: 'completed',
    order: 7,
    zh: '竣工验收',
    en: 'Completion acceptance',
    enterRequires: [],
    leaveRequires: [],
  },
  {
    key: 'commissioning',
    order: 8,
    zh: '设备调试',
    en: 'Equipment commissioning',
    enterRequires: [],
    leaveRequires: [],
  },
  // Production is measured against the design capacity (年产10万吨 …), so it must be on file.
  {
    key: 'producing',
    order: 9,
    zh: '投产',
    en: 'Production started',
    enterRequires: ['capacity'],
    leaveRequires: [],
  },
  {
    key: 'full_capacity',
    order: 10,
    zh: '达产',
    en: 'Full design capacity',
    enterRequires: [],
    leaveRequires: [],
  },
  { key: 'paused', order: null, zh: '暂停', en: 'Paused', enterRequires: [], leaveRequires: [] },
  { key: 'cancelled', order: null, zh: '终止', en: 'Cancelled', enterRequires: [], leaveRequires: [] },
] as const satisfies readonly ProjectStageInfo[];

export const PROJECT_STAGE_LIMITS = {
  /** A reason is a sentence or two on the timeline; longer text belongs in a follow-up or a file. */
  reasonMaxLength: 500,
} as const;

const INFO: ReadonlyMap<ProjectStage, ProjectStageInfo> = new Map(PROJECT_STAGES.map((s) => [s.key, s]));

function info(stage: ProjectStage): ProjectStageInfo {
  const found = INFO.get(stage);
  if (!found) throw new RangeError(`Unknown project stage "${stage}"`);
  return found;
}

export function isProjectStage(value: unknown): value is ProjectStage {
  return typeof value === 'string' && INFO.has(value as ProjectStage);
}

export function isActiveProjectStage(value: unknown): value is ActiveProjectStage {
  return isProjectStage(value) && info(value).order !== null;
}

export function projectStageLabel(stage: ProjectStage): Bilingual {
  const { zh, en } = info(stage);
  return { zh, en };
}

/** The stage after `stage` on the delivery path, or null at 达产 and for paused / cancelled. */
export function nextProjectStage(stage: ProjectStage): ActiveProjectStage | null {
  const order = info(stage).order;
  if (order === null) return null;
  const next = PROJECT_STAGES.find((s) => s.order === order + 1);
  return next && isActiveProjectStage(next.key) ? next.key : null;
}

/** What the machine needs to know about the project; the service fills it from the record. */
export type ProjectStageFacts = {
  landAreaMu?: number | null;
  /** 'YYYY-MM-DD'. A move to 开工 with a date can pass that date here. */
  startDate?: string | null;
  capacity?: { quantity?: number | null; unit?: string | null; product?: string | null } | null;
  /** The stage a paused project was in when it was paused; it can only resume there. */
  pausedFrom?: ActiveProjectStage | null;
};

export type StageMoveInput = { reason?: string | null };

export type StageMoveKind = 'forward' | 'backward' | 'pause' | 'resume' | 'cancel';

export type StageMoveRefusal =
  | 'same_stage'
  | 'final'
  | 'reason_required'
  | 'missing_fields'
  | 'resume_elsewhere'
  | 'paused_stage_unknown';

export type StageMoveResult =
  | {
      ok: true;
      kind: StageMoveKind;
      /** Stages passed over by a forward move, in order; empty otherwise. Record them on the timeline. */
      skipped: ActiveProjectStage[];
    }
  | { ok: false; code: StageMoveRefusal; message: Bilingual; missingFields?: ProjectStageField[] };

function hasField(project: ProjectStageFacts, field: ProjectStageField): boolean {
  switch (field) {
    case 'landAreaMu':
      return (
        typeof project.landAreaMu === 'number' &&
        Number.isFinite(project.landAreaMu) &&
        project.landAreaMu > 0
      );
    case 'startDate':
      return typeof project.startDate === 'string' && isLocalDate(project.startDate);
    case 'capacity': {
      const c = project.capacity;
      return (
        !!c &&
        typeof c.quantity === 'number' &&
        Number.isFinite(c.quantity) &&
        c.quantity > 0 &&
        !!c.unit?.trim() &&
        !!c.product?.trim()
      );
    }
  }
}

function hasReason(move: StageMoveInput): boolean {
  return !!move.reason?.trim();
}

function refuse(
  code: StageMoveRefusal,
  message: Bilingual,
  missingFields?: ProjectStageField[],
): StageMoveResult {
  return missingFields ? { ok: false, code, message, missingFields } : { ok: false, code, message };
}

function needReason(zh: string, en: string): StageMoveResult {
  return refuse('reason_required', { zh: `${zh}需要填写原因`, en: `${en} needs a reason` });
}

/**
 * Whether a project at `from` may move to `to`. `project` carries the fields the move may need
 * (see PROJECT_STAGES' enterRequires / leaveRequires) and, when paused, the stage it was paused in;
 * `move.reason` is required to go backward, pause or cancel. On refusal, `message` tells the user
 * what to do, and `missingFields` lists what to fill in.
 */
export function canMove(
  from: ProjectStage,
  to: ProjectStage,
  project: ProjectStageFacts,
  move: StageMoveInput = {},
): StageMoveResult {
  const source = info(from);
  const target = info(to);

  if (from === 'cancelled') {
    return refuse('final', {
      zh: '项目已终止，不能再变更阶段',
      en: 'The project is cancelled; its stage can no longer change',
    });
  }
  if (from === to) {
    return refuse('same_stage', {
      zh: `项目已处于“${source.zh}”阶段`,
      en: `The project is already at "${source.en}"`,
    });
  }
  if (to === 'cancelled') {
    return hasReason(move)
      ? { ok: true, kind: 'cancel', skipped: [] }
      : needReason('终止项目', 'Cancelling a project');
  }
  if (to === 'paused') {
    return hasReason(move)
      ? { ok: true, kind: 'pause', skipped: [] }
      : needReason('暂停项目', 'Pausing a project');
  }
  if (from === 'paused') {
    const resumeTo = project.pausedFrom;
    if (!resumeTo) {
      return refuse('paused_stage_unknown', {
        zh: '无法确定项目暂停前所处的阶段，不能恢复；请联系管理员核对',
        en: 'The stage this project was paused in is unknown, so it cannot resume; ask an administrator to check',
      });
    }
    if (resumeTo !== to) {
      const paused = info(resumeTo);
      return refuse('resume_elsewhere', {
        zh: `暂停的项目只能恢复到暂停前的“${paused.zh}”阶段，或者终止`,
        en: `A paused project can only resume at "${paused.en}", the stage it was paused in, or be cancelled`,
      });
    }
    return { ok: true, kind: 'resume', skipped: [] };
  }

  // Both are active stages from here on.
  const fromOrder = source.order!;
  const toOrder = target.order!;
  if (toOrder < fromOrder) {
    return hasReason(move)
      ? { ok: true, kind: 'backward', skipped: [] }
      : needReason(`退回到“${target.zh}”阶段`, `Moving back to "${target.en}"`);
  }

  const between = PROJECT_STAGES.filter((s) => s.order !== null && s.order > fromOrder && s.order < toOrder);
  const required = [
    ...source.leaveRequires,
    ...between.flatMap((s) => [...s.enterRequires, ...s.leaveRequires]),
    ...target.enterRequires,
  ];
  const missing = [...new Set(required)].filter((field) => !hasField(project, field));
  if (missing.length > 0) {
    return refuse(
      'missing_fields',
      {
        zh: `进入“${target.zh}”阶段前请先填写：${missing.map((f) => PROJECT_STAGE_FIELDS[f].zh).join('、')}`,
        en: `Before moving to "${target.en}", fill in: ${missing.map((f) => PROJECT_STAGE_FIELDS[f].en).join(', ')}`,
      },
      missing,
    );
  }
  return { ok: true, kind: 'forward', skipped: between.map((s) => s.key).filter(isActiveProjectStage) };
}
