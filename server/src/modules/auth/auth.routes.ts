import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  loginResultSchema,
  meSchema,
} from '../../../../shared/src/contract/account';
import { permissionsOf } from '../../../../shared/src/permissions';
import { csrfTokenFor, SESSION_COOKIE } from '../../plugins/auth';
import { errors } from '../../plugins/errors';
import { presentUser } from '../user/user.presenter';
import { findUserById } from '../user/user.service';
import { changeOwnPassword, type LoginLimits, login, logout } from './auth.service';

export function authRoutes(limits: LoginLimits, secureCookies: boolean) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with username and password (sets the session cookie)',
          body: loginBody,
          response: { 200: loginResultSchema },
        },
      },
      async function handleLogin(request, reply) {
        const res = await login(request.ctx, limits, {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, res.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          path: '/',
        });
        return { user: res.user, csrfToken: res.csrfToken };
      },
    );

    r.post(
      '/api/auth/logout',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null() } },
      },
      async function handleLogout(request, reply) {
        await logout(request.ctx);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/api/auth/me',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, CSRF token and permissions',
          response: { 200: meSchema },
        },
      },
      async function handleMe(request) {
        const actor = request.actor;
        if (!actor) throw errors.unauthenticated();
        const row = await findUserById(request.ctx.db.kysely, actor.userId);
        if (!row) throw errors.unauthenticated();
        return {
          user: presentUser(row),
          csrfToken: await csrfTokenFor(request.ctx.db, actor),
          permissions: permissionsOf(actor.role),
        };
      },
    );

    r.post(
      '/api/auth/change-password',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password',
          body: changePasswordBody,
          response: { 204: z.null() },
        },
      },
      async function handleChangePassword(request, reply) {
        await changeOwnPassword(request.ctx, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
