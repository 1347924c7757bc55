import { z } from 'zod';
import { CHANNEL_KINDS } from '../notify-channels';
import { nameText } from './fields';

/** Outbound channels (SMTP email, WeChat Work / DingTalk bots): what the API takes and answers. */

export const channelSchema = z.object({
  id: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  /** The webhook URL without its key, or null; an SMTP password is never shown. */
  destination: z.string().nullable(),
  hasSecret: z.boolean(),
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  lastError: z.string().nullable(),
  version: z.number().int(),
});
export type Channel = z.infer<typeof channelSchema>;

/** What a test send answers: the channel's own error text when it failed. */
export const channelTestSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type ChannelTest = z.infer<typeof channelTestSchema>;

/**
 * A new channel: smtp {host, port, secure, user, from, to[], kinds?} or webhook {flavour, keyword?,
 * kinds?}; the config is checked per kind by the service.
 */
export const createChannelBody = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  name: nameText,
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()),
  /** SMTP password, or the bot's full webhook URL (its key is the credential). */
  secret: z.string().trim().max(1000).nullable().optional(),
});
export type CreateChannelBody = z.input<typeof createChannelBody>;
