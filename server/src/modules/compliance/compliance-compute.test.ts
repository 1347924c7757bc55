import { describe, expect, it } from 'vitest';
import { PROJECT_STAGE_KEYS } from '../../../../shared/src/project-stage';
import { type CommitmentFact, complianceOf, DEADLINE_EVENT_STAGES } from './compliance-compute';

const commitment = (measure: 'startBy' | 'produceBy', dueDate: string): CommitmentFact => ({
  commitmentId: `c-${measure}`,
  agreementId: 'a1',
  agreementNumber: 'XY-1',
  projectId: 'p1',
  projectCode: 'XM-1',
  projectName: '测试项目',
  projectLandMu: 100,
  isSample: false,
  measure,
  value: null,
  dueYear: Number(dueDate.slice(0, 4)),
  dueDate,
});

describe('deadline commitments against stage moves', () => {
  it('loads the moves from 开工 on, in the stage order (derived from PROJECT_STAGES)', () => {
    // The delivery path runs 签约 … 达产, then the two off-path states (暂停, 终止), which meet nothing.
    const keys = [...PROJECT_STAGE_KEYS];
    expect(DEADLINE_EVENT_STAGES).toEqual(keys.slice(keys.indexOf('started'), keys.indexOf('paused')));
    expect(DEADLINE_EVENT_STAGES.at(-1)).toBe('full_capacity');
  });

  it('a project that went straight to 达产 has met its 开工 and 投产 deadlines on that date', () => {
    const result = complianceOf({
      year: 2025,
      today: '2026-03-01',
      commitments: [commitment('startBy', '2025-06-30'), commitment('produceBy', '2025-03-31')],
      figures: new Map(),
      stages: new Map([['p1', [{ projectId: 'p1', toStage: 'full_capacity', date: '2025-05-01' }]]]),
    });
    const status = Object.fromEntries(result.items.map((i) => [i.measure, i.status]));
    expect(status).toEqual({ startBy: 'met', produceBy: 'behind' });
  });
});
