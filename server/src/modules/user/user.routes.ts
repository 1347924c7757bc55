import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../../shared/src/roles';
import { personName } from '../../lib/fields';
import { listResponse, pagingQuery } from '../../lib/list-query';
import { userSchema } from './user.presenter';
import { createUser, listUserAccounts, resetPassword, updateUserAccount } from './user.service';

const idParams = z.object({ id: z.string().min(1).max(64) });
const name = personName.min(1);

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
        body: z.strictObject({
          username: z
            .string()
            .min(2)
            .max(64)
            .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
          displayName: name,
          role: z.enum(ROLES),
          departmentId: z.string().max(64).nullable().optional(),
          firmId: z.string().max(64).nullable().optional(),
          password: z.string().min(1).max(128),
        }),
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
        body: z.strictObject({
          version: z.number().int().min(1),
          displayName: name.optional(),
          role: z.enum(ROLES).optional(),
          departmentId: z.string().max(64).nullable().optional(),
          firmId: z.string().max(64).nullable().optional(),
          disabled: z.boolean().optional(),
        }),
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
        body: z.strictObject({ password: z.string().min(1).max(128) }),
        response: { 204: z.null() },
      },
    },
    async function handleResetPassword(request, reply) {
      await resetPassword(request.ctx, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
