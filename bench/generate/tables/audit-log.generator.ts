import type { Role } from '../../../shared/src/roles';
import type { Rng } from '../prng';
import { defineGenerator, type GenContext, type RowOf } from '../types';

const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;
/** Sizes of tables that later areas generate; entity ids point into them before those tables exist. */
const NOMINAL = {
  project: { small: 100, zone: 10_000, province: 1_000_000 },
  firm: { small: 500, zone: 50_000, province: 5_000_000 },
  lead: { small: 200, zone: 20_000, province: 2_000_000 },
  request: { small: 100, zone: 10_000, province: 1_000_000 },
} as const;

type Diff = { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
type Action = readonly [entity: string, action: string, weight: number];

/** What each kind of user does, by weight (login/logout dominate, as in any real audit trail). */
const ACTIONS: Record<Role, readonly Action[]> = {
  admin: [
    ['session', 'login.success', 30],
    ['session', 'logout', 12],
    ['user', 'update', 10],
    ['user', 'create', 3],
    ['user', 'password.reset', 2],
    ['token', 'create', 1],
  ],
  leader: [
    ['session', 'login.success', 40],
    ['session', 'logout', 10],
    ['project', 'update', 5],
  ],
  officer: [
    ['session', 'login.success', 30],
    ['session', 'logout', 10],
    ['project', 'update', 25],
    ['project', 'stage.change', 6],
    ['project', 'create', 4],
    ['firm', 'update', 10],
    ['firm', 'create', 4],
    ['lead', 'create', 6],
    ['lead', 'update', 6],
    ['user', 'password.change', 1],
    ['token', 'create', 0.5],
  ],
  department: [
    ['session', 'login.success', 30],
    ['session', 'logout', 8],
    ['request', 'update', 20],
    ['request', 'reply', 10],
    ['user', 'password.change', 1],
  ],
  enterprise: [
    ['session', 'login.success', 30],
    ['session', 'logout', 6],
    ['request', 'create', 8],
    ['firm', 'update', 4],
  ],
  supervisor: [
    ['session', 'login.success', 30],
    ['session', 'logout', 8],
    ['task', 'close', 4],
    ['problem_item', 'verify', 3],
    ['problem_item', 'return', 1],
  ],
};

const STAGES = ['线索', '洽谈', '签约', '落地', '开工', '投产'];
const PHONES = ['0635-8', '0635-2', '138', '139', '156'];

function diffFor(rng: Rng, entity: string, action: string): Diff {
  if (action === 'stage.change') {
    const s = rng.int(0, STAGES.length - 2);
    return { before: { stage: STAGES[s] }, after: { stage: STAGES[s + 1] } };
  }
  if (action === 'create') return { before: null, after: { name: `${entity}-${rng.int(1, 99_999)}` } };
  if (action === 'update' && (entity === 'project' || entity === 'request')) {
    const amount = rng.int(1, 500) * 1_000_000;
    return { before: { investment: amount }, after: { investment: amount + rng.int(-50, 200) * 100_000 } };
  }
  if (action === 'update') {
    return {
      before: { phone: `${rng.pick(PHONES)}${rng.int(1e6, 9e6)}` },
      after: { phone: `${rng.pick(PHONES)}${rng.int(1e6, 9e6)}` },
    };
  }
  if (action === 'reply') return { before: { status: 'open' }, after: { status: 'answered' } };
  return { before: null, after: null };
}

/** Work-hour shape in Beijing time (UTC+8): mornings and afternoons, a lunch dip, a little evening. */
const HOUR_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [7, 1],
  [8, 6],
  [9, 10],
  [10, 10],
  [11, 8],
  [12, 2],
  [13, 3],
  [14, 9],
  [15, 10],
  [16, 9],
  [17, 6],
  [18, 2],
  [19, 1],
  [20, 1],
  [21, 0.5],
  [22, 0.3],
];

function dayWeight(dayStartMs: number, dayIndex: number): number {
  const weekday = new Date(dayStartMs + 8 * 3_600_000).getUTCDay();
  const base = weekday === 0 ? 0.06 : weekday === 6 ? 0.1 : 1;
  // Use grows as more of the zone's work moves into the system.
  return base * (0.5 + (0.5 * dayIndex) / SPAN_DAYS);
}

function entityId(ctx: GenContext, entity: string, userIndex: number): string | null {
  if (entity === 'session' || entity === 'user') return ctx.idOf('app_user', userIndex);
  if (entity === 'token') return ctx.idOf('api_token', ctx.rng.int(0, 9_999));
  const nominal = NOMINAL[entity as keyof typeof NOMINAL];
  if (!nominal) return null;
  const n = ctx.count(entity) || nominal[ctx.scale];
  return ctx.idOf(entity, ctx.rng.skewed(n, 0.5));
}

/**
 * Two years of audit trail ending at the world's "now", emitted in time order (so ids, which grow
 * with the row index, also grow with time, as the app's UUIDv7 ids do).
 */
export const auditLogGenerator = defineGenerator({
  table: 'audit_log',
  version: 1,
  dependsOn: ['app_user'],
  counts: { small: 2_000, zone: 200_000, province: 2_000_000 },
  columns: [
    'id',
    'at',
    'actor_id',
    'actor_name',
    'ip',
    'entity',
    'entity_id',
    'action',
    'before_json',
    'after_json',
  ],
  *rows(ctx) {
    const { rng } = ctx;
    const total = auditLogGenerator.counts[ctx.scale];
    const users = ctx.rowsOf('app_user');
    // Busy accounts are spread over the list, not all at the start.
    const busyOrder = users
      .map((_, i) => i)
      .sort((a, b) => ((a * 7919) % users.length) - ((b * 7919) % users.length));
    const startMs = Math.floor((ctx.nowMs - SPAN_DAYS * DAY_MS) / DAY_MS) * DAY_MS - 8 * 3_600_000;
    const weights: number[] = [];
    let sum = 0;
    for (let d = 0; d < SPAN_DAYS; d++) {
      const w = dayWeight(startMs + d * DAY_MS, d);
      weights.push(w);
      sum += w;
    }
    let index = 0;
    let cumulative = 0;
    for (let d = 0; d < SPAN_DAYS; d++) {
      const from = Math.round((cumulative / sum) * total);
      cumulative += weights[d] ?? 0;
      const to = d === SPAN_DAYS - 1 ? total : Math.round((cumulative / sum) * total);
      const times: number[] = [];
      for (let k = from; k < to; k++) {
        const hour = rng.weighted(HOUR_WEIGHTS);
        times.push(startMs + d * DAY_MS + hour * 3_600_000 + rng.int(0, 3_599_999));
      }
      times.sort((a, b) => a - b);
      for (const t of times) {
        yield makeRow(ctx, index++, t, users, busyOrder);
      }
    }
  },
});

function makeRow(
  ctx: GenContext,
  index: number,
  atMs: number,
  users: RowOf<'app_user'>[],
  busyOrder: number[],
): RowOf<'audit_log'> {
  const { rng } = ctx;
  const at = new Date(atMs).toISOString();
  const id = ctx.idOf('audit_log', index);
  if (rng.chance(0.005)) {
    return {
      id,
      at,
      actor_id: null,
      actor_name: 'system',
      ip: null,
      entity: 'system',
      entity_id: null,
      action: 'backup',
      before_json: null,
      after_json: null,
    };
  }
  const userIndex = busyOrder[rng.skewed(users.length)] ?? 0;
  const user = users[userIndex];
  if (!user) throw new Error('audit generator: no users');
  const ip = `10.${rng.int(10, 30)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
  if (rng.chance(0.02)) {
    const action = rng.chance(0.1) ? 'login.failed-locked' : 'login.failed';
    return {
      id,
      at,
      actor_id: null,
      actor_name: user.username,
      ip,
      entity: 'session',
      entity_id: null,
      action,
      before_json: null,
      after_json: null,
    };
  }
  const [entity, action] = rng.weighted(ACTIONS[user.role as Role].map((a) => [a, a[2]] as const));
  const login = action === 'login.success';
  const { before, after } = diffFor(rng, entity, action);
  return {
    id,
    at,
    // A login is written before the session exists: no actor id, the name of who signed in.
    actor_id: login ? null : user.id,
    actor_name: user.username,
    ip,
    entity,
    entity_id: entityId(ctx, entity, userIndex),
    action,
    before_json: before ? JSON.stringify(before) : null,
    after_json: after ? JSON.stringify(after) : null,
  };
}
