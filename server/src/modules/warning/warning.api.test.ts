import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentBehindSeverity } from '../../../../shared/src/agreement';
import type { ComplianceItem } from '../../../../shared/src/contract/agreement';
import { daysBetween, todayInShanghai } from '../../../../shared/src/dates';
import {
  SEVERITIES,
  type Severity,
  STAGE_NORM_STAGES,
  severityOrder,
  WARNING_KINDS,
  warningSeverity,
} from '../../../../shared/src/dispatch';
import { ESCALATION_RULES } from '../../../../shared/src/escalation';
import { REQUEST_WORKING_STATUSES } from '../../../../shared/src/request-status';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { scopedProjects } from '../scope/project-scope';
import { stageNorms } from './warning.task';

interface Row {
  kind: string;
  severity: Severity;
  days: number;
  projectId: string | null;
}

/**
 * The warnings are counted and ordered in SQL (counts by severity, the first page of each kind);
 * here every warning is built the plain way — all candidate rows read, the shared rule applied to
 * each — and the cockpit's badge, the list's total and its pages must match it.
 */
describe.skipIf(SKIP_DB)('warnings: SQL counts and pages equal every warning built one by one', () => {
  let t: TestApp;
  let leader: Session;

  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  // The 履约考核 route's items of a year (read once per year: the demo's figures do not change here).
  const complianceCache = new Map<number, ComplianceItem[]>();
  async function complianceOf(year: number): Promise<ComplianceItem[]> {
    const had = complianceCache.get(year);
    if (had) return had;
    const res = await t.call(leader, 'GET', `/api/compliance?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as ComplianceItem[];
    complianceCache.set(year, items);
    return items;
  }

  async function reference(today: string, park?: string, chainId?: string): Promise<Row[]> {
    const k = t.db.kysely;
    const scope = { year: 0, today, park, chainId };
    const out: Row[] = [];
    const ms = await scopedProjects(k, scope)
      .innerJoin('milestone', 'milestone.project_id', 'project.id')
      .select(['project.id as pid', 'milestone.planned_date as planned'])
      .where('milestone.actual_date', 'is', null)
      .where('milestone.planned_date', '<', today)
      .execute();
    for (const m of ms) {
      const days = daysBetween(m.planned as string, today);
      out.push({
        kind: 'milestone_late',
        severity: warningSeverity('milestone_late', days),
        days,
        projectId: m.pid,
      });
    }
    const norms = await stageNorms(k);
    const ps = await scopedProjects(k, scope)
      .select(['project.id as pid', 'project.stage as stage', 'project.stage_date as since'])
      .where('project.stage_date', 'is not', null)
      .execute();
    for (const p of ps) {
      const norm = norms[p.stage];
      const days = daysBetween(p.since as string, today);
      if (norm === undefined || days <= norm) continue;
      out.push({
        kind: 'stage_stuck',
        severity: warningSeverity('stage_stuck', days, norm),
        days,
        projectId: p.pid,
      });
    }
    let rq = k
      .selectFrom('factor_request')
      .leftJoin('project', 'project.id', 'factor_request.project_id')
      .select(['factor_request.deadline as deadline', 'project.id as pid', 'project.link_id as linkId'])
      .where('factor_request.status', 'in', [...REQUEST_WORKING_STATUSES])
      .where('factor_request.deadline', '<', today);
    if (park) rq = rq.where('project.park', '=', park);
    // The chain filter, checked in JS: the request's project sits on one of the chain's links.
    const chainLinks = chainId
      ? new Set(
          (await k.selectFrom('chain_link').select('id').where('chain_id', '=', chainId).execute()).map(
            (l) => l.id,
          ),
        )
      : null;
    for (const r of await rq.execute()) {
      if (chainLinks && !(r.linkId && chainLinks.has(r.linkId))) continue;
      const days = daysBetween(r.deadline as string, today);
      out.push({
        kind: 'request_overdue',
        severity: warningSeverity('request_overdue', days),
        days,
        projectId: r.pid,
      });
    }
    const round = await k
      .selectFrom('round')
      .select(['id', 'deadline'])
      .where('deadline', '<', today)
      .orderBy('deadline', 'desc')
      .executeTakeFirst();
    if (round) {
      const asked = await scopedProjects(k, scope)
        .innerJoin('round_project', 'round_project.project_id', 'project.id')
        .select('project.id as pid')
        .where('round_project.round_id', '=', round.id)
        .execute();
      const reported = new Set(
        (
          await k.selectFrom('round_report').select('project_id').where('round_id', '=', round.id).execute()
        ).map((r) => r.project_id),
      );
      const days = daysBetween(round.deadline, today);
      for (const a of asked.filter((x) => !reported.has(x.pid))) {
        out.push({
          kind: 'round_missing',
          severity: warningSeverity('round_missing', days),
          days,
          projectId: a.pid,
        });
      }
    }
    // Overdue tasks and problem items belong to no project: listed only without a park/chain scope.
    if (!park && !chainId) {
      const tasks = await k
        .selectFrom('task')
        .select('deadline')
        .where('status', '=', 'in_progress')
        .where('deadline', '<', today)
        .execute();
      for (const x of tasks) {
        const days = daysBetween(x.deadline as string, today);
        out.push({
          kind: 'task_overdue',
          severity: warningSeverity('task_overdue', days),
          days,
          projectId: null,
        });
      }
      const items = await k
        .selectFrom('problem_item')
        .select('deadline')
        .where('close_status', 'in', ['open', 'returned'])
        .where('deadline', '<', today)
        .execute();
      for (const x of items) {
        const days = daysBetween(x.deadline, today);
        out.push({
          kind: 'problem_overdue',
          severity: warningSeverity('problem_overdue', days),
          days,
          projectId: null,
        });
      }
    }
    // Commitments behind in the last complete year, as the 履约考核 route lists them.
    const inScope = new Set(
      (await scopedProjects(k, scope).select('project.id as pid').execute()).map((p) => p.pid),
    );
    const year = Number(today.slice(0, 4)) - 1;
    for (const i of await complianceOf(year)) {
      if (i.status !== 'behind' || !inScope.has(i.projectId)) continue;
      out.push({
        kind: 'commitment_behind',
        severity: commitmentBehindSeverity(i),
        days: daysBetween(i.dueDate ?? `${i.dueYear}-12-31`, today),
        projectId: i.projectId,
      });
    }
    return out;
  }

  const key = (w: Row) =>
    `${severityOrder(w.severity)}|${String(99_999 - w.days).padStart(6, '0')}|${w.kind}`;
  const plain = (w: Row): Row => ({
    kind: w.kind,
    severity: w.severity,
    days: w.days,
    projectId: w.projectId,
  });

  async function check(today: string, park?: string, chainId?: string) {
    const ref = await reference(today, park, chainId);
    const q = new URLSearchParams();
    if (park) q.set('park', park);
    if (chainId) q.set('chain', chainId);
    const c = await t.call(leader, 'GET', `/api/cockpit?${q}`);
    expect(c.statusCode, c.body).toBe(200);
    const w = c.json().warnings as Record<Severity, number> & { total: number; top: Row[] };
    for (const sev of ['high', 'medium', 'low'] as const) {
      expect(w[sev], `${today} ${park} ${chainId} ${sev}`).toBe(ref.filter((r) => r.severity === sev).length);
    }
    expect(w.total).toBe(ref.length);
    q.set('limit', '2000');
    const all = (await t.call(leader, 'GET', `/api/warnings?${q}`)).json() as { items: Row[]; total: number };
    expect(all.total).toBe(ref.length);
    expect(ref.length).toBeLessThanOrEqual(2000);
    // The same warnings (kind, severity, days, project), in the list's order.
    expect(all.items.map((x) => key(x)).sort()).toEqual(ref.map(key).sort());
    expect(all.items.map((x) => `${x.kind}|${x.projectId}|${x.days}`).sort()).toEqual(
      ref.map((x) => `${x.kind}|${x.projectId}|${x.days}`).sort(),
    );
    const keys = all.items.map(key);
    expect(keys).toEqual([...keys].sort());
    // Stable ids: each warning once, and paging with offset walks the list without overlap or gap.
    const ids = all.items.map((x) => (x as Row & { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      q.set('limit', '7');
      q.set('offset', String(offset));
      const p = (await t.call(leader, 'GET', `/api/warnings?${q}`)).json() as {
        items: Array<{ id: string }>;
      };
      paged.push(...p.items.map((x) => x.id));
    }
    q.delete('offset');
    expect(paged).toEqual(ids);
    // The cockpit's top ten and any shorter page are the start of the full list.
    expect(w.top.map(plain)).toEqual(all.items.slice(0, 10).map(plain));
    for (const limit of [1, 3, 25]) {
      q.set('limit', String(limit));
      const page = (await t.call(leader, 'GET', `/api/warnings?${q}`)).json() as {
        items: Row[];
        total: number;
      };
      expect(page.total).toBe(ref.length);
      expect(page.items.map(plain)).toEqual(all.items.slice(0, limit).map(plain));
    }
    return ref;
  }

  it('the zone, a park and a chain, over a year of days (every severity of every kind)', async () => {
    const chains = (await t.call(leader, 'GET', '/api/chains')).json().items as Array<{
      id: string;
      name: string;
    }>;
    const pet = chains.find((x) => x.name.includes('宠物')) ?? chains[0];
    const seen = new Set<string>();
    for (let step = 0; step < 4; step++) {
      const today = todayInShanghai(t.clock.now());
      for (const r of await check(today)) seen.add(`${r.kind}:${r.severity}`);
      await check(today, '坤源宠物食品用品产业园');
      await check(today, undefined, pet?.id);
      await check(today, '坤源宠物食品用品产业园', pet?.id);
      t.clock.advanceMinutes(120 * 24 * 60);
      leader = await t.login('leader'); // sessions end after 12 hours
    }
    // The demo has warnings of each kind at some severity: the comparison above is not vacuous.
    for (const kind of [
      'milestone_late',
      'stage_stuck',
      'task_overdue',
      'problem_overdue',
      'commitment_behind',
    ]) {
      expect(
        [...seen].some((s) => s.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(3);
    // Sixteen views, each checked against every warning built one by one: slow on a busy machine.
  }, 90_000);

  it('filters by kind, severity and officer: totals and pages of the filtered list', async () => {
    leader = await t.login('leader');
    const today = todayInShanghai(t.clock.now());
    const ref = await reference(today);
    const officerOf = new Map(
      (await t.db.kysely.selectFrom('project').select(['id', 'officer_id']).execute()).map((p) => [
        p.id,
        p.officer_id,
      ]),
    );
    const officers = [...new Set([...officerOf.values()].filter((o): o is string => o !== null))];
    expect(officers.length).toBeGreaterThan(0);
    const cases: Array<[Record<string, string>, (r: Row) => boolean]> = [
      ...WARNING_KINDS.map((k): [Record<string, string>, (r: Row) => boolean] => [
        { kind: k },
        (r) => r.kind === k,
      ]),
      ...SEVERITIES.map((v): [Record<string, string>, (r: Row) => boolean] => [
        { severity: v },
        (r) => r.severity === v,
      ]),
      [
        { kind: 'milestone_late', severity: 'high' },
        (r) => r.kind === 'milestone_late' && r.severity === 'high',
      ],
      [
        { officerId: officers[0] as string },
        (r) => r.projectId !== null && officerOf.get(r.projectId) === officers[0],
      ],
    ];
    for (const [query, pick] of cases) {
      const want = ref.filter(pick);
      const res = await t.call(
        leader,
        'GET',
        `/api/warnings?${new URLSearchParams({ ...query, limit: '2000' })}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const got = res.json() as { items: Row[]; total: number };
      expect(got.total, JSON.stringify(query)).toBe(want.length);
      expect(got.items.map((x) => `${x.kind}|${x.severity}|${x.days}|${x.projectId}`).sort()).toEqual(
        want.map((x) => `${x.kind}|${x.severity}|${x.days}|${x.projectId}`).sort(),
      );
    }
    const bad = await t.call(leader, 'GET', '/api/warnings?kind=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('an overdue request gone up to the leader is not 一般 (severity rises with escalation)', () => {
    const leaderDay = ESCALATION_RULES.leaderAfterDaysLate;
    expect(warningSeverity('request_overdue', leaderDay - 1)).toBe('low');
    expect(warningSeverity('request_overdue', leaderDay)).toBe('medium');
    expect(warningSeverity('task_overdue', leaderDay)).toBe('medium');
    // Problem items do not escalate: days alone.
    expect(warningSeverity('problem_overdue', leaderDay)).toBe('low');
  });

  it('a stage norm set by the zone moves the cutoffs', async () => {
    const admin = await t.login('admin');
    leader = await t.login('leader');
    const today = todayInShanghai(t.clock.now());
    const before = await check(today);
    const res = await t.call(admin, 'PUT', '/api/stage-norms', {
      norms: Object.fromEntries(STAGE_NORM_STAGES.map((st, i) => [st, i % 2 === 0 ? 3650 : 400])),
    });
    if (res.statusCode >= 400) throw new Error(`stage norms: ${res.statusCode} ${res.body}`);
    const after = await check(today);
    const stuck = (rows: Row[]) => rows.filter((r) => r.kind === 'stage_stuck').length;
    expect(stuck(before)).toBeGreaterThan(0);
    expect(stuck(after)).toBeLessThan(stuck(before));
  });
});
