import { listAudit } from '../../server/src/modules/audit/audit.repository';
import { WORLD_NOW_MS } from '../generate/context';
import type { Rng } from '../generate/prng';
import { captureStatements, statementTemplate } from '../lib/capture-sql';
import type { Scenario, ScenarioContext, Statement } from './types';

const DAY_MS = 86_400_000;
/** Distinct parameter sets the runs rotate through: enough that no single page stays hot in a cache. */
const VARIANTS = 1_000;

interface AuditQuery {
  actor: string;
  /** Bare dates, as the web's date picker sends them (a day in Asia/Shanghai). */
  fromDate: string;
  toDate: string;
}

/** The route's conversion: a bare date is that day's midnight in Asia/Shanghai, stored as UTC. */
function shanghaiMidnightUtc(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function dateOf(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What an admin asks: "what did this person do in this period" — a week, a month or a quarter. */
function auditQueries(ctx: ScenarioContext): AuditQuery[] {
  const users = ctx.generation.rowsOf('app_user');
  const rng: Rng = ctx.rng;
  const out: AuditQuery[] = [];
  for (let i = 0; i < VARIANTS; i++) {
    const user = users[rng.int(0, users.length - 1)];
    if (!user) break;
    const days = rng.weighted([
      [7, 3],
      [30, 5],
      [90, 2],
    ] as const);
    const endMs = WORLD_NOW_MS - rng.int(0, 700 - days) * DAY_MS;
    out.push({ actor: user.username, fromDate: dateOf(endMs - days * DAY_MS), toDate: dateOf(endMs) });
  }
  return out;
}

const SENTINELS = { actor: '\u0001actor', from: '\u0001from', to: '\u0001to' } as const;

/** The statements GET /api/audit runs for an actor + window (captured from listAudit itself). */
async function auditRawOps(ctx: ScenarioContext, queries: AuditQuery[]): Promise<Statement[][]> {
  const captured = await captureStatements(ctx.db, (k) =>
    listAudit(k, {
      actor: SENTINELS.actor,
      from: SENTINELS.from,
      to: SENTINELS.to,
      sort: '-at',
      limit: 50,
      offset: 0,
    }),
  );
  const bind = statementTemplate(captured, SENTINELS);
  return queries.map((q) =>
    bind({ actor: q.actor, from: shanghaiMidnightUtc(q.fromDate), to: shanghaiMidnightUtc(q.toDate) }),
  );
}

function auditPath(q: AuditQuery): string {
  const params = new URLSearchParams({
    actor: q.actor,
    from: q.fromDate,
    to: q.toDate,
    sort: '-at',
    limit: '50',
  });
  return `/api/audit?${params}`;
}

export const auditByActorScenario: Scenario = {
  name: 'audit-by-actor',
  description: 'GET /api/audit filtered by actor and a 7/30/90-day window, newest first, page of 50',
  async prepare(ctx) {
    const queries = auditQueries(ctx);
    return { paths: queries.map(auditPath), rawOps: await auditRawOps(ctx, queries) };
  },
};

/**
 * The same load while one more client keeps asking for a slow page (the whole log, oldest first,
 * deep offset, with its total count): shows how far one slow request delays everyone else.
 */
export const eventLoopHealthScenario: Scenario = {
  name: 'event-loop-health',
  description: 'audit-by-actor load plus 1 client paging deep into the unfiltered log (slow requests)',
  async prepare(ctx) {
    const queries = auditQueries(ctx);
    const total = ctx.generation.count('audit_log');
    const slow: string[] = [];
    for (let i = 0; i < 100; i++) {
      const offset = ctx.rng.int(Math.floor(total * 0.5), Math.max(0, total - 200));
      slow.push(`/api/audit?sort=at&limit=200&offset=${offset}`);
    }
    return { paths: queries.map(auditPath), background: { paths: slow, connections: 1 } };
  },
};
