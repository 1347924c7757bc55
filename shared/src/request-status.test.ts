import { describe, expect, it } from 'vitest';
import {
  canMoveRequest,
  REQUEST_STATUS_KEYS,
  type RequestActorKind,
  type RequestStatus,
  requestMovesFor,
} from './request-status';

const S: RequestStatus[] = [...REQUEST_STATUS_KEYS];

// Every pair, by hand. Rows: from; columns: to in REQUEST_STATUS_KEYS order
// (submitted assigned accepted in_progress resolved confirmed reopened rejected).
//   .  not allowed   =  same status   x  from a final status
//   C  coordinator (no reason)   c  coordinator, reason required
//   D  department (no reason)    d  department, reason required
//   Q  requester or coordinator, no reason   q  requester or coordinator, reason required
const MATRIX: Record<RequestStatus, string> = {
  submitted: '=C.....c',
  // assigned → assigned is a reassignment to another department: coordinator, with a reason.
  assigned: '.cD....d',
  accepted: '.c=Dd..d',
  in_progress: '.c.=d..d',
  resolved: '....=Qq.',
  confirmed: 'xxxxxxxx',
  reopened: '.cD.d.=d',
  rejected: '.c.....=',
};

const KINDS: RequestActorKind[] = ['coordinator', 'department', 'requester'];
const REASON = '不属于本部门职责';

function cell(from: RequestStatus, to: RequestStatus): string {
  const row = MATRIX[from];
  return row.charAt(S.indexOf(to));
}

describe('canMoveRequest — every pair, every actor', () => {
  it('has 8 cells per row', () => {
    for (const s of S) expect(MATRIX[s], s).toHaveLength(8);
  });

  const pairs = S.flatMap((from) => S.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const c = cell(from, to);
    for (const kind of KINDS) {
      const withReason = canMoveRequest(from, to, { as: [kind], reason: REASON });
      const noReason = canMoveRequest(from, to, { as: [kind] });
      const allowedFor: Record<string, RequestActorKind[]> = {
        C: ['coordinator'],
        c: ['coordinator'],
        D: ['department'],
        d: ['department'],
        Q: ['requester', 'coordinator'],
        q: ['requester', 'coordinator'],
      };
      if (c === 'x') {
        expect(withReason).toMatchObject({ ok: false, code: 'final' });
      } else if (c === '=') {
        expect(withReason).toMatchObject({ ok: false, code: 'same_status' });
      } else if (c === '.') {
        expect(withReason).toMatchObject({ ok: false, code: 'not_allowed' });
      } else {
        const allowed = allowedFor[c]!.includes(kind);
        if (!allowed) {
          expect(withReason, `${kind}`).toMatchObject({ ok: false, code: 'not_yours' });
        } else {
          expect(withReason, `${kind}`).toEqual({ ok: true, by: kind });
          if (c === c.toLowerCase()) {
            expect(noReason, `${kind} without reason`).toMatchObject({ ok: false, code: 'reason_required' });
            expect(canMoveRequest(from, to, { as: [kind], reason: '  ' })).toMatchObject({
              ok: false,
              code: 'reason_required',
            });
          } else {
            expect(noReason).toEqual({ ok: true, by: kind });
          }
        }
      }
    }
  });
});

describe('canMoveRequest — messages and helpers', () => {
  it('names who may make a refused move', () => {
    const r = canMoveRequest('assigned', 'accepted', { as: ['requester'] });
    expect(r).toMatchObject({ ok: false, code: 'not_yours' });
    if (!r.ok) expect(r.message.zh).toContain('承办部门');
  });

  it('asks for the resolution when resolving', () => {
    const r = canMoveRequest('in_progress', 'resolved', { as: ['department'] });
    if (r.ok) throw new Error('unreachable');
    expect(r.message.zh).toBe('办结需要填写办理结果');
  });

  it('lets an actor who is two kinds use either', () => {
    expect(canMoveRequest('resolved', 'confirmed', { as: ['department', 'coordinator'] })).toEqual({
      ok: true,
      by: 'coordinator',
    });
  });

  it('lists the buttons a department sees on an assigned request', () => {
    expect(requestMovesFor('assigned', ['department'])).toEqual([
      { to: 'accepted', needsReason: false },
      { to: 'rejected', needsReason: true },
    ]);
    expect(requestMovesFor('resolved', ['requester'])).toEqual([
      { to: 'confirmed', needsReason: false },
      { to: 'reopened', needsReason: true },
    ]);
    expect(requestMovesFor('confirmed', ['coordinator', 'department', 'requester'])).toEqual([]);
  });
});
