import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserBody,
  resetPasswordBody,
  updateUserBody,
  userSchema,
} from '../../../../shared/src/contract/account';
import { ROLES } from '../../../../shared/src/roles';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { createUser, listUserAccounts, resetPassword, updateUserAccount } from './user.service';

const idParams = z.object({ id: z.string().min(1).max(64) });

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'user.manage' } as const;

  r.get(
    '/api/users',
    {
      config: { access },
      schema: {
        tags: ['user'],
        summary: 'List accounts',
        querystring: z.strictObject({
          q: z.string().max(64).optional(),
          role: z.enum(ROLES).optional(),
          ...pagingQuery,
        }),
        response: { 200: listResponse(userSchema) },
      },
    },
    async function handleListUsers(request) {
      return listUserAccounts(request.ctx, request.query);
    },
  );

  r.post(
    '/api/users',
    {
      config: { access },
      schema: {
        tags: ['user'],
        summary: 'Create an account (must change password at first sign-in)',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async function handleCreateUser(request, reply) {
      const user = await createUser(request.ctx, { ...request.body, mustChangePassword: true });
      return reply.status(201).send(user);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access },
      schema: {
        tags: ['user'],
        summary: 'Edit an account (send the version you read; 409 if it changed since)',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async function handleUpdateUser(request) {
      return updateUserAccount(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access },
      schema: {
        tags: ['user'],
        summary: 'Set a new password; the user must change it at next sign-in',
        params: idParams,
        body: resetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async function handleResetPassword(request, reply) {
      await resetPassword(request.ctx, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
