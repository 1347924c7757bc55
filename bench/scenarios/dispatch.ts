import { cockpitData } from '../../server/src/modules/cockpit/cockpit.task';
import { dispatchReportData } from '../../server/src/modules/report/dispatch-report.task';
import { warningsData } from '../../server/src/modules/warning/warning.task';
import { CHAINS } from '../generate/tables/pipeline-names';
import { captureStatements } from '../lib/capture-sql';
import type { Scenario, Statement } from './types';

/**
 * Cockpit and dispatch report (issue 6). Target: the cockpit answers in well under a second for a
 * zone (10k projects) and the weekly report is generated in seconds. The raw side replays the
 * cockpit's / report's SQL; the HTTP side also draws the .docx, so HTTP/raw shows its cost.
 * The generator makes no rounds yet: the report scenario sets one round over the provincial-key
 * projects (up to 2,000, the round limit) in prepare, with no reports — the report's SQL still
 * walks every project of the round, its milestones and requests.
 */
const YEAR = 2026;
const TODAY = '2026-11-30';

export const cockpitScenario: Scenario = {
  name: 'cockpit',
  description:
    'GET /api/cockpit — funnel, monthly vs target, late, requests, chains, top 10, round rate, warnings (zone / park / chain)',
  async prepare(ctx) {
    const chains = ctx.generation.contextFor('chain');
    const parks = await ctx.db.kysely
      .selectFrom('project')
      .select('park')
      .distinct()
      .where('park', 'is not', null)
      .limit(4)
      .execute();
    const variants: Array<{ path: string; scope: Parameters<typeof cockpitData>[1] }> = [
      { path: `/api/cockpit?year=${YEAR}`, scope: { year: YEAR, today: TODAY } },
      ...parks.map((p) => ({
        path: `/api/cockpit?year=${YEAR}&park=${encodeURIComponent(p.park as string)}`,
        scope: { year: YEAR, today: TODAY, park: p.park as string },
      })),
      ...CHAINS.slice(0, 3).map((_, c) => ({
        path: `/api/cockpit?year=${YEAR}&chain=${chains.idOf('chain', c)}`,
        scope: { year: YEAR, today: TODAY, chainId: chains.idOf('chain', c) },
      })),
    ];
    const ops: Statement[][] = [];
    // The route reads the figures and the warnings (counts by severity, the top ten): replay both.
    for (const v of variants) {
      ops.push(
        await captureStatements(ctx.db, async (k) => {
          await cockpitData(k, v.scope);
          await warningsData(k, {
            today: TODAY,
            park: v.scope.park,
            chainId: v.scope.chainId,
            limit: 10,
          });
        }),
      );
    }
    const order = Array.from({ length: 200 }, (_, i) => i % variants.length);
    return {
      paths: order.map((i) => (variants[i] as (typeof variants)[number]).path),
      rawOps: order.map((i) => ops[i] as Statement[]),
    };
  },
};

export const dispatchReportScenario: Scenario = {
  name: 'dispatch-report',
  description:
    'GET /api/reports/dispatch.docx — a round of up to 2,000 key projects: figures, roll-ups, .docx',
  async prepare(ctx) {
    const k = ctx.db.kysely;
    const id = '01900000-0000-7000-8000-00000000b007';
    await k.deleteFrom('round_project').where('round_id', '=', id).execute();
    await k.deleteFrom('round').where('id', '=', id).execute();
    const projects = await k
      .selectFrom('project')
      .select('id')
      .where('priority', '=', 'provincial')
      .limit(2000)
      .execute();
    const now = new Date().toISOString();
    await k
      .insertInto('round')
      .values({
        id,
        title: '2026年第48周重点项目调度（基准测试）',
        kind: 'week',
        period_key: '2026-W48',
        period_start: '2026-11-23',
        period_end: '2026-11-29',
        deadline: '2026-11-30',
        selection_json: JSON.stringify({ stages: [], priorities: ['provincial'] }),
        is_sample: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let i = 0; i < projects.length; i += 500) {
      await k
        .insertInto('round_project')
        .values(projects.slice(i, i + 500).map((p) => ({ round_id: id, project_id: p.id })))
        .execute();
    }
    const ops = await captureStatements(ctx.db, (db) =>
      dispatchReportData(db, { roundId: id, today: TODAY }),
    );
    return {
      paths: Array.from({ length: 20 }, () => `/api/reports/dispatch.docx?roundId=${id}`),
      rawOps: Array.from({ length: 20 }, () => ops),
      // One client per read worker: the latency of a report, not of a queue of ten (which the
      // 10 s default timeout turned into failures: a 2,000-project .docx takes seconds to draw).
      connections: 2,
      timeoutSeconds: 60,
      minSeconds: 30,
    };
  },
};
