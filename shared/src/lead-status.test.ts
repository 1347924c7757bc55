import { describe, expect, it } from 'vitest';
import {
  canMoveLead,
  isLeadStatus,
  isOpenLeadStatus,
  LEAD_STATUS_KEYS,
  LEAD_STATUSES,
  type LeadStatus,
  leadStatusLabel,
} from './lead-status';

const ORDER: LeadStatus[] = [...LEAD_STATUS_KEYS];

// Every pair, written out by hand. Rows: from; columns: to, in LEAD_STATUS_KEYS order
// (new contacted visited negotiating signed shelved lost).
//   = same status (refused)   f forward one step   s forward, skipping   b backward (needs reason)
//   h shelve (needs reason)   l lose (needs reason)   r reopen   o sign without reopening (refused)
//   x from a final status (refused)
const MATRIX: Record<LeadStatus, string> = {
  new: '=fsss hl',
  contacted: 'b=fss hl',
  visited: 'bb=fs hl',
  negotiating: 'bbb=f hl',
  signed: 'xxxxx xx',
  shelved: 'rrrro =l',
  lost: 'xxxxx xx',
};

function expected(from: LeadStatus, to: LeadStatus): string {
  return MATRIX[from].replace(' ', '').charAt(ORDER.indexOf(to));
}

const pairs = ORDER.flatMap((from) => ORDER.map((to) => [from, to] as const));
const REASON = { reason: '企业投资计划推迟' };

describe('canMoveLead — every pair of statuses', () => {
  it('has a matrix row of 7 cells for every status', () => {
    for (const s of ORDER) expect(MATRIX[s].replace(' ', ''), s).toHaveLength(7);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const cell = expected(from, to);
    const withReason = canMoveLead(from, to, REASON);
    const noReason = canMoveLead(from, to);
    const refusals: Record<string, string> = { '=': 'same_status', x: 'final', o: 'reopen_first' };
    const free: Record<string, string> = { f: 'forward', s: 'forward', r: 'reopen' };
    const reasoned: Record<string, string> = { b: 'backward', h: 'shelve', l: 'lose' };

    if (refusals[cell]) {
      expect(withReason).toMatchObject({ ok: false, code: refusals[cell] });
      expect(noReason).toMatchObject({ ok: false, code: refusals[cell] });
    } else if (free[cell]) {
      const skipped = cell === 's' ? ORDER.slice(ORDER.indexOf(from) + 1, ORDER.indexOf(to)) : [];
      expect(withReason).toEqual({ ok: true, kind: free[cell], skipped });
      expect(noReason).toEqual({ ok: true, kind: free[cell], skipped });
    } else if (reasoned[cell]) {
      expect(withReason).toEqual({ ok: true, kind: reasoned[cell], skipped: [] });
      expect(noReason).toMatchObject({ ok: false, code: 'reason_required' });
      expect(canMoveLead(from, to, { reason: ' ' })).toMatchObject({ ok: false, code: 'reason_required' });
    } else {
      throw new Error(`bad matrix cell ${cell}`);
    }
  });
});

describe('canMoveLead — messages', () => {
  it('says why shelving is refused', () => {
    const r = canMoveLead('visited', 'shelved');
    if (r.ok) throw new Error('unreachable');
    expect(r.message).toEqual({ zh: '搁置线索需要填写原因', en: 'Shelving a lead needs a reason' });
  });

  it('points a lost lead that comes back to a new lead', () => {
    const r = canMoveLead('lost', 'new', REASON);
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toContain('请新建线索');
  });

  it('lists skipped statuses when signing from the first contact', () => {
    expect(canMoveLead('contacted', 'signed')).toEqual({
      ok: true,
      kind: 'forward',
      skipped: ['visited', 'negotiating'],
    });
  });
});

describe('LEAD_STATUSES', () => {
  it('lists the keys in order', () => {
    expect(LEAD_STATUSES.map((s) => s.key)).toEqual(ORDER);
    expect(leadStatusLabel('negotiating')).toEqual({ zh: '洽谈中', en: 'Negotiating' });
  });

  it('knows open statuses', () => {
    expect(ORDER.filter(isOpenLeadStatus)).toEqual(['new', 'contacted', 'visited', 'negotiating']);
    expect(isLeadStatus('lost')).toBe(true);
    expect(isLeadStatus('closed')).toBe(false);
    expect(isLeadStatus(null)).toBe(false);
  });
});
