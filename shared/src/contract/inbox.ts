import { z } from 'zod';

/** The inbox (我的待办): items assigned to me, due, overdue, to confirm; notifications. */

/** An item that waits for me. */
export const inboxItemSchema = z.object({
  kind: z.enum(['request', 'task', 'problem_item']),
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  daysLate: z.number().int(),
  /** The web path that opens the item. */
  link: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** A notification (通知) of the signed-in user. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

/** My inbox: what waits for me, grouped, and my notifications. */
export const inboxSchema = z.object({
  assigned: z.array(inboxItemSchema),
  dueThisWeek: z.array(inboxItemSchema),
  overdue: z.array(inboxItemSchema),
  toConfirm: z.array(inboxItemSchema),
  notifications: z.array(notificationSchema),
  unread: z.number().int(),
  badge: z.number().int(),
});

export const inboxCountSchema = z.object({ badge: z.number().int(), unread: z.number().int() });
export type Notification = z.infer<typeof notificationSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
export type InboxCount = z.infer<typeof inboxCountSchema>;
export const markedReadSchema = z.object({ updated: z.number() });
