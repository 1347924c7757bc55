import { z } from 'zod';
import { AddressRefused } from './outbound-address';
import { type PostOptions, postJson } from './webhook-client';

/**
 * The outbound channel: notifications leave the system by email (SMTP) or by a chat-bot webhook
 * (WeChat Work 企业微信 and DingTalk 钉钉 group bots take the same `{msgtype:'text'}` body; a generic
 * webhook gets `{subject, body}`). A channel forwards to one destination — a supervision office
 * mailbox or a group chat — not to each person; people read their own inbox in the app.
 */
export const smtpConfigSchema = z.strictObject({
  host: z.string().trim().min(1).max(200),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().trim().max(200).nullable().optional(),
  from: z.string().trim().min(3).max(200),
  to: z.array(z.string().trim().email().max(200)).min(1).max(20),
  kinds: z.array(z.string().max(40)).max(20).optional(),
});

export const webhookConfigSchema = z.strictObject({
  flavour: z.enum(['wecom', 'dingtalk', 'generic']),
  /** DingTalk bots with a keyword filter need the keyword in every message. */
  keyword: z.string().trim().max(40).nullable().optional(),
  kinds: z.array(z.string().max(40)).max(20).optional(),
});

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export interface OutboundMessage {
  subject: string;
  body: string;
  /** The record's page on the zone's server; a phone opens it (after signing in, if need be). */
  link?: string | null;
}

export interface ChannelForSend {
  kind: string;
  config_json: string;
  /** SMTP password, or the webhook URL (its key is the credential). */
  secret: string | null;
}

/**
 * What the admin is told when a message does not arrive: one text for every network outcome
 * (refused, timed out, TLS, HTTP 500, a bot's error code), so the channel test cannot be used to
 * map which hosts and ports answer inside the zone's network. Only the guard's own refusal is told
 * apart: it depends on our rule, not on what the destination did.
 */
export const DELIVERY_FAILED = '投递失败 / delivery failed';
export const ADDRESS_NOT_ALLOWED =
  '目标地址为内网、本机或保留地址，未获允许（LIANZHAO_WEBHOOK_ALLOW_HOSTS）/ destination address not allowed';

/** Sends one message on a channel; throws an Error whose message is one of the two texts above. */
export async function sendOnChannel(
  ch: ChannelForSend,
  msg: OutboundMessage,
  opts: Omit<PostOptions, 'timeoutMs'> & { timeoutMs?: number } = {},
): Promise<void> {
  try {
    await deliver(ch, msg, { ...opts, timeoutMs: opts.timeoutMs ?? 10_000 });
  } catch (err) {
    throw new Error(err instanceof AddressRefused ? ADDRESS_NOT_ALLOWED : DELIVERY_FAILED, { cause: err });
  }
}

async function deliver(ch: ChannelForSend, msg: OutboundMessage, opts: PostOptions): Promise<void> {
  const timeoutMs = opts.timeoutMs;
  if (ch.kind === 'smtp') {
    const c = smtpConfigSchema.parse(JSON.parse(ch.config_json));
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport({
      host: c.host,
      port: c.port,
      secure: c.secure,
      ...(c.user ? { auth: { user: c.user, pass: ch.secret ?? '' } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    try {
      const text = msg.link ? `${msg.body}\n\n打开 / Open: ${msg.link}` : msg.body;
      await transport.sendMail({ from: c.from, to: c.to, subject: msg.subject, text });
    } finally {
      transport.close();
    }
    return;
  }
  if (ch.kind === 'webhook') {
    const c = webhookConfigSchema.parse(JSON.parse(ch.config_json));
    if (!ch.secret) throw new Error('webhook URL missing');
    // WeChat Work and DingTalk turn a bare URL in a text message into a link a phone can tap.
    const text = [
      c.keyword,
      msg.subject,
      msg.body === msg.subject ? null : msg.body,
      msg.link ? `打开：${msg.link}` : null,
    ]
      .filter(Boolean)
      .join('\n');
    const payload =
      c.flavour === 'generic'
        ? { subject: msg.subject, body: msg.body, ...(msg.link ? { link: msg.link } : {}) }
        : { msgtype: 'text', text: { content: text } };
    const res = await postJson(ch.secret, payload, opts);
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
    // WeChat Work and DingTalk answer 200 with an error code in the body.
    const answer = parseAnswer(res.body);
    if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw new Error(`webhook refused: ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
    }
    return;
  }
  throw new Error(`unknown channel kind ${ch.kind}`);
}

function parseAnswer(body: string): { errcode?: number; errmsg?: string } | null {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' ? (v as { errcode?: number; errmsg?: string }) : null;
  } catch {
    return null;
  }
}

/** A URL shown to the admin without its credential (the query string holds the bot key). */
export function maskUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}
