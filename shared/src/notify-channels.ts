/** Kinds of outbound channel: an SMTP mailbox or a group bot's webhook. */
export const CHANNEL_KINDS = ['smtp', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Group-bot platforms: the message body each expects differs (企业微信, 钉钉, a plain JSON POST). */
export const WEBHOOK_FLAVOURS = ['wecom', 'dingtalk', 'generic'] as const;
export type WebhookFlavour = (typeof WEBHOOK_FLAVOURS)[number];
