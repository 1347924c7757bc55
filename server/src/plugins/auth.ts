import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../../shared/src/permissions';
import type { Role } from '../../../shared/src/roles';
import type { Db } from '../db/connect';
import { bookkeepingWrite } from '../db/data-version';
import { addMinutes, type Clock } from '../lib/clock';
import { safeEqual, sha256 } from '../lib/secrets';
import * as repo from '../modules/session/session.repository';
import type { Actor, ServiceContext } from './context';
import { errors } from './errors';

export const SESSION_COOKIE = 'lz_session';

/**
 * How a route is guarded. Every /api route must say one of these (checked when routes register),
 * so no route is left open by forgetting.
 */
export type RouteAccess =
  | { public: true }
  | { authenticated: true; allowPendingPasswordChange?: boolean }
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The service context for this request (database, actor, client address, clock). */
    ctx: ServiceContext;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Touch a session at most once a minute: idle timeout needs minute precision, not a write per request.
const TOUCH_EVERY_MS = 60_000;

/** The user columns read with a session or token (session.repository ACTOR_COLUMNS). */
interface ActorUserRow {
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  department_id: string | null;
  firm_id: string | null;
  disabled: number;
  must_change_password: number;
}

function actorOf(user: ActorUserRow, via: Actor['via'], sessionId: string | null) {
  if (user.disabled === 1) return null;
  const actor: Actor = {
    userId: user.user_id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    departmentId: user.department_id,
    firmId: user.firm_id,
    via,
    sessionId,
  };
  return { actor, mustChangePassword: user.must_change_password === 1 };
}

export interface AuthOptions {
  db: Db;
  clock: Clock;
  sessionIdleMinutes: number;
}

async function resolve(request: FastifyRequest, opts: AuthOptions) {
  const { db, clock } = opts;
  const now = clock.now();
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = await repo.findActiveTokenWithUser(db.kysely, sha256(auth.slice(7).trim()));
    if (!token) throw errors.unauthenticated();
    if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await bookkeepingWrite(db, (q) => repo.touchToken(q, token.id, now.toISOString()));
    }
    return { ...actorOf(token, 'token', null), csrf: null };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await repo.findSessionWithUser(db.kysely, sha256(cookie));
  if (!session) return null;
  const idleUntil = addMinutes(new Date(session.last_seen_at), opts.sessionIdleMinutes);
  if (new Date(session.expires_at) <= now || idleUntil <= now) {
    await repo.deleteSession(db.kysely, session.id);
    return null;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await bookkeepingWrite(db, (q) => repo.touchSession(q, session.id, now.toISOString()));
  }
  return { ...actorOf(session, 'session', session.id), csrf: session.csrf_token };
}

/** Authentication and authorisation for every route, in one place. */
export function registerAuth(app: FastifyInstance, opts: AuthOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as ServiceContext);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/') && !route.config?.access && !url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.ctx = { db: opts.db, actor: null, ip: request.ip ?? null, clock: opts.clock };
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const resolved = await resolve(request, opts);
    const actor = resolved?.actor ?? null;
    request.actor = actor;
    request.ctx.actor = actor;
    if ('public' in access) return;
    if (!actor || !resolved) throw errors.unauthenticated();
    if (actor.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !resolved.csrf || !safeEqual(sent, resolved.csrf)) throw errors.csrf();
    }
    const pendingOk = 'authenticated' in access && access.allowPendingPasswordChange === true;
    if (resolved.mustChangePassword && !pendingOk) {
      throw errors.passwordChangeRequired();
    }
    if ('permission' in access && !can(actor.role, access.permission)) throw errors.forbidden();
  });
}

/** The session's CSRF token, for /api/auth/me. */
export async function csrfTokenFor(db: Db, actor: Actor): Promise<string | null> {
  if (!actor.sessionId) return null;
  const s = await repo.findSession(db.kysely, actor.sessionId);
  return s?.csrf_token ?? null;
}
