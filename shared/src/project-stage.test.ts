import { describe, expect, it } from 'vitest';
import {
  type ActiveProjectStage,
  canMove,
  isActiveProjectStage,
  isProjectStage,
  nextProjectStage,
  PROJECT_STAGE_KEYS,
  PROJECT_STAGES,
  type ProjectStage,
  type ProjectStageFacts,
  projectStageLabel,
} from './project-stage';

const ORDER: ProjectStage[] = [...PROJECT_STAGE_KEYS];

// Every pair of stages, written out by hand. Rows: from; columns: to, in PROJECT_STAGE_KEYS order
// (signed registered land approved started structure_done completed commissioning producing
// full_capacity paused cancelled). The paused row assumes the project was paused at 'approved'.
//   = same stage (refused)     f forward one stage      s forward, skipping stages
//   b backward (needs reason)  p pause (needs reason)   c cancel (needs reason)
//   r resume                   n resume elsewhere (refused)   x from cancelled (refused)
const MATRIX: Record<ProjectStage, string> = {
  signed: '=fssssssss pc',
  registered: 'b=fsssssss pc',
  land: 'bb=fssssss pc',
  approved: 'bbb=fsssss pc',
  started: 'bbbb=fssss pc',
  structure_done: 'bbbbb=fsss pc',
  completed: 'bbbbbb=fss pc',
  commissioning: 'bbbbbbb=fs pc',
  producing: 'bbbbbbbb=f pc',
  full_capacity: 'bbbbbbbbb= pc',
  paused: 'nnnrnnnnnn =c',
  cancelled: 'xxxxxxxxxx xx',
};

function expected(from: ProjectStage, to: ProjectStage): string {
  return MATRIX[from].replace(' ', '').charAt(ORDER.indexOf(to));
}

const FULL: ProjectStageFacts = {
  landAreaMu: 300,
  startDate: '2024-03-01',
  capacity: { quantity: 100_000, unit: '吨', product: '宠物食品' },
  pausedFrom: 'approved',
};
const EMPTY: ProjectStageFacts = { pausedFrom: 'approved' };
const REASON = { reason: '规划调整' };

const ACTIVE = ORDER.filter(isActiveProjectStage);
const order = (s: ActiveProjectStage) => ACTIVE.indexOf(s) + 1;

/** Independent statement of the field rules: land area to leave 供地 (3), start date to reach
 * 开工 (5), capacity to reach 投产 (9). */
function requiredFields(from: ActiveProjectStage, to: ActiveProjectStage): string[] {
  const [a, b] = [order(from), order(to)];
  const fields: string[] = [];
  if (a <= 3 && b > 3) fields.push('landAreaMu');
  if (a < 5 && b >= 5) fields.push('startDate');
  if (a < 9 && b >= 9) fields.push('capacity');
  return fields;
}

const pairs = ORDER.flatMap((from) => ORDER.map((to) => [from, to] as const));

describe('canMove — every pair of stages', () => {
  it('has a matrix row of 12 cells for every stage', () => {
    for (const s of ORDER) expect(MATRIX[s].replace(' ', ''), s).toHaveLength(12);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const cell = expected(from, to);
    const withAll = canMove(from, to, FULL, REASON);
    const noReason = canMove(from, to, FULL);
    const noFields = canMove(from, to, EMPTY, REASON);

    switch (cell) {
      case '=':
        for (const r of [withAll, noReason, noFields])
          expect(r).toMatchObject({ ok: false, code: 'same_stage' });
        break;
      case 'x':
        for (const r of [withAll, noReason, noFields]) expect(r).toMatchObject({ ok: false, code: 'final' });
        break;
      case 'n':
        for (const r of [withAll, noReason, noFields])
          expect(r).toMatchObject({ ok: false, code: 'resume_elsewhere' });
        break;
      case 'r':
        // Resuming returns to where the project was; nothing new is asked for.
        for (const r of [withAll, noReason, noFields])
          expect(r).toEqual({ ok: true, kind: 'resume', skipped: [] });
        break;
      case 'b':
      case 'p':
      case 'c': {
        const kind = { b: 'backward', p: 'pause', c: 'cancel' }[cell];
        expect(withAll).toEqual({ ok: true, kind, skipped: [] });
        expect(noFields).toEqual({ ok: true, kind, skipped: [] });
        expect(noReason).toMatchObject({ ok: false, code: 'reason_required' });
        expect(canMove(from, to, FULL, { reason: '   ' })).toMatchObject({
          ok: false,
          code: 'reason_required',
        });
        break;
      }
      case 'f':
      case 's': {
        if (!isActiveProjectStage(from) || !isActiveProjectStage(to)) throw new Error('matrix error');
        const skipped = ACTIVE.slice(order(from), order(to) - 1);
        expect(skipped.length > 0).toBe(cell === 's');
        expect(withAll).toEqual({ ok: true, kind: 'forward', skipped });
        expect(noReason).toEqual({ ok: true, kind: 'forward', skipped });
        const needed = requiredFields(from, to);
        if (needed.length === 0) {
          expect(noFields).toEqual({ ok: true, kind: 'forward', skipped });
        } else {
          expect(noFields).toMatchObject({ ok: false, code: 'missing_fields', missingFields: needed });
        }
        break;
      }
      default:
        throw new Error(`bad matrix cell ${cell}`);
    }
  });
});

describe('canMove — required fields', () => {
  it('asks for the land area before leaving 供地', () => {
    const r = canMove('land', 'approved', {});
    expect(r).toMatchObject({ ok: false, code: 'missing_fields', missingFields: ['landAreaMu'] });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toBe('进入“审批”阶段前请先填写：用地面积（亩）');
    expect(r.message.en).toContain('land area (mu)');
    expect(canMove('land', 'approved', { landAreaMu: 120.5 })).toMatchObject({ ok: true });
  });

  it('does not ask for the land area to enter 供地', () => {
    expect(canMove('registered', 'land', {})).toMatchObject({ ok: true, kind: 'forward' });
  });

  it('asks for a valid start date to enter 开工', () => {
    const base = { landAreaMu: 300 };
    expect(canMove('approved', 'started', base)).toMatchObject({ missingFields: ['startDate'] });
    expect(canMove('approved', 'started', { ...base, startDate: '2024-02-30' })).toMatchObject({
      missingFields: ['startDate'],
    });
    expect(canMove('approved', 'started', { ...base, startDate: '2024-03-01' })).toMatchObject({ ok: true });
  });

  it('asks for a complete capacity to enter 投产', () => {
    const missing = { missingFields: ['capacity'] };
    expect(canMove('commissioning', 'producing', {})).toMatchObject(missing);
    expect(
      canMove('commissioning', 'producing', { capacity: { quantity: 0, unit: '吨', product: '宠物食品' } }),
    ).toMatchObject(missing);
    expect(
      canMove('commissioning', 'producing', { capacity: { quantity: 5, unit: ' ', product: '宠物食品' } }),
    ).toMatchObject(missing);
    expect(
      canMove('commissioning', 'producing', { capacity: { quantity: 5, unit: '万吨', product: null } }),
    ).toMatchObject(missing);
    expect(
      canMove('commissioning', 'producing', {
        capacity: { quantity: 10, unit: '万吨', product: '宠物食品' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses zero, negative or NaN land areas', () => {
    for (const landAreaMu of [0, -5, Number.NaN, null]) {
      expect(canMove('land', 'approved', { landAreaMu })).toMatchObject({ code: 'missing_fields' });
    }
  });

  it('lists every field a long skip needs, once, in stage order', () => {
    const r = canMove('signed', 'full_capacity', {});
    expect(r).toMatchObject({ missingFields: ['landAreaMu', 'startDate', 'capacity'] });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('用地面积（亩）、开工日期、设计产能');
  });

  it('returns the skipped stages of a skip', () => {
    expect(canMove('approved', 'completed', FULL)).toEqual({
      ok: true,
      kind: 'forward',
      skipped: ['started', 'structure_done'],
    });
  });
});

describe('canMove — pause, resume and cancel', () => {
  it('refuses to resume when the paused-from stage is unknown', () => {
    expect(canMove('paused', 'approved', {})).toMatchObject({ ok: false, code: 'paused_stage_unknown' });
  });

  it('names the stage a paused project can resume at', () => {
    const r = canMove('paused', 'started', { pausedFrom: 'structure_done' });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('“主体完工”');
  });

  it('says that a cancelled project is final', () => {
    const r = canMove('cancelled', 'signed', FULL, REASON);
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('已终止');
  });

  it('names the target stage when a backward move lacks a reason', () => {
    const r = canMove('started', 'land', FULL);
    if (r.ok) throw new Error('unreachable');
    expect(r.message).toEqual({
      zh: '退回到“供地”阶段需要填写原因',
      en: 'Moving back to "Land supply" needs a reason',
    });
  });
});

describe('PROJECT_STAGES', () => {
  it('lists the keys in order, with orders 1–10 for the active stages', () => {
    expect(PROJECT_STAGES.map((s) => s.key)).toEqual(ORDER);
    expect(PROJECT_STAGES.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, null]);
  });

  it('has the Chinese names of the issue', () => {
    expect(PROJECT_STAGES.map((s) => s.zh).join(' → ')).toBe(
      '签约 → 注册 → 供地 → 审批 → 开工 → 主体完工 → 竣工验收 → 设备调试 → 投产 → 达产 → 暂停 → 终止',
    );
    expect(projectStageLabel('producing')).toEqual({ zh: '投产', en: 'Production started' });
  });

  it('knows the next stage and which values are stages', () => {
    expect(nextProjectStage('signed')).toBe('registered');
    expect(nextProjectStage('producing')).toBe('full_capacity');
    expect(nextProjectStage('full_capacity')).toBeNull();
    expect(nextProjectStage('paused')).toBeNull();
    expect(isProjectStage('land')).toBe(true);
    expect(isProjectStage('toString')).toBe(false);
    expect(isProjectStage(3)).toBe(false);
    expect(isActiveProjectStage('paused')).toBe(false);
  });
});
