import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inboxCountSchema, inboxSchema, markedReadSchema } from '../../../../shared/src/contract/inbox';
import { idParams } from '../../lib/fields';
import { getInbox, getInboxCount, markNotificationsRead } from './inbox.service';

/** Everyone's inbox: assigned to me, due this week, overdue, to confirm, notifications; the badge. */
export async function inboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { authenticated: true } as const;
  const tags = ['inbox'];
  r.get(
    '/api/inbox',
    { config: { access }, schema: { tags, summary: 'My inbox', response: { 200: inboxSchema } } },
    async function handleGetInbox(request) {
      return getInbox(request.ctx);
    },
  );
  r.get(
    '/api/inbox/count',
    {
      config: { access },
      schema: { tags, summary: 'The badge count for the header', response: { 200: inboxCountSchema } },
    },
    async function handleGetInboxCount(request) {
      return getInboxCount(request.ctx);
    },
  );
  r.post(
    '/api/inbox/notifications/:id/read',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: idParams,
        response: { 200: markedReadSchema },
      },
    },
    async function handleMarkRead(request) {
      return markNotificationsRead(request.ctx, request.params.id);
    },
  );
  r.post(
    '/api/inbox/notifications/read-all',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: markedReadSchema },
      },
    },
    async function handleMarkAllRead(request) {
      return markNotificationsRead(request.ctx);
    },
  );
}
