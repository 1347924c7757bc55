import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdTokenSchema,
  createTokenBody,
  tokenListSchema,
} from '../../../../shared/src/contract/account';
import { createToken, listOwnTokens, revokeToken } from './token.service';

export async function tokenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'token.manage-own' } as const;
  r.get(
    '/api/tokens',
    {
      config: { access },
      schema: {
        tags: ['token'],
        summary: 'Your API tokens',
        response: { 200: tokenListSchema },
      },
    },
    async function handleListTokens(request) {
      const items = await listOwnTokens(request.ctx);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/tokens',
    {
      config: { access },
      schema: {
        tags: ['token'],
        summary: 'Create an API token (the secret is shown only in this response)',
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async function handleCreateToken(request, reply) {
      return reply.status(201).send(await createToken(request.ctx, request.body.name));
    },
  );
  r.delete(
    '/api/tokens/:id',
    {
      config: { access },
      schema: {
        tags: ['token'],
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 204: z.null() },
      },
    },
    async function handleRevokeToken(request, reply) {
      await revokeToken(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
