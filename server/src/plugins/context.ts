import { todayInShanghai } from '../../../shared/src/dates';
import type { Role } from '../../../shared/src/roles';
import type { Db } from '../db/connect';
import type { Clock } from '../lib/clock';

/** Who is acting: the signed-in user as the server sees it (never trusted from the client). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  firmId: string | null;
  /** How the request authenticated: cookie sessions need CSRF tokens, bearer tokens do not. */
  via: 'session' | 'token';
  sessionId: string | null;
}

/** What every service function receives: the database, who acts, from where, and the time. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  ip: string | null;
  clock: Clock;
}

/** Today in Shanghai by the injected clock (milestone lateness, overdue leads). */
export function today(ctx: ServiceContext): string {
  return todayInShanghai(ctx.clock.now());
}

/** The signed-in actor of a pipeline service call (routes guarantee one; CLI callers pass one). */
export function requireActor(ctx: ServiceContext) {
  if (!ctx.actor) throw new Error('this service function needs an actor');
  return ctx.actor;
}
