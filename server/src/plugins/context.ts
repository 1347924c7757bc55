import type { Role } from '../../../shared/src/roles';
import type { Db } from '../db/connect';
import type { ReadRunner } from '../db/read-pool';
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

declare module 'fastify' {
  interface FastifyInstance {
    reads: ReadRunner;
  }
  interface FastifyRequest {
    /** Heavy reads (lists over large tables, cockpit, reports) run through this, off the event loop. */
    reads: ReadRunner;
  }
}
