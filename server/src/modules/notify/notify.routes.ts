import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createChannelBody } from '../../../../shared/src/contract/notify';
import { idParams, nameText } from '../../lib/fields';
import {
  channelSchema,
  createChannel,
  listChannels,
  sweepNow,
  testChannel,
  updateChannel,
} from './channel.service';

const secret = z.string().trim().max(1000).nullable().optional();

/** Outbound channels (email, WeChat Work / DingTalk bot) and the sweep, for admins. */
export async function notifyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'notify.manage' } as const;
  const tags = ['notify'];

  r.get(
    '/api/notify/channels',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Outbound channels with delivery counts',
        response: { 200: z.object({ items: z.array(channelSchema) }) },
      },
    },
    async function handleListChannels(request) {
      return listChannels(request.ctx);
    },
  );

  r.post(
    '/api/notify/channels',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Add a channel: smtp {host, port, secure, user, from, to[], kinds?} or webhook {flavour, keyword?, kinds?}',
        body: createChannelBody,
        response: { 201: channelSchema },
      },
    },
    async function handleCreateChannel(request, reply) {
      return reply.status(201).send(await createChannel(request.ctx, request.body));
    },
  );

  r.patch(
    '/api/notify/channels/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Edit a channel (send the version read)',
        params: idParams,
        body: z.strictObject({
          version: z.number().int().min(1),
          name: nameText.optional(),
          enabled: z.boolean().optional(),
          config: z.record(z.string(), z.unknown()).optional(),
          secret,
        }),
        response: { 200: channelSchema },
      },
    },
    async function handleUpdateChannel(request) {
      return updateChannel(request.ctx, request.params.id, request.body);
    },
  );

  r.post(
    '/api/notify/channels/:id/test',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send a test message now',
        params: idParams,
        response: { 200: z.object({ ok: z.boolean(), error: z.string().nullable() }) },
      },
    },
    async function handleTestChannel(request) {
      return testChannel(request.ctx, request.params.id);
    },
  );

  r.post(
    '/api/notify/sweep',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Run the escalation sweep and the deliveries now (idempotent)',
        response: { 200: z.object({ escalations: z.number(), sent: z.number(), failed: z.number() }) },
      },
    },
    async function handleSweep(request) {
      return sweepNow(request.ctx, app.escalationSources, app.publicUrl);
    },
  );
}
