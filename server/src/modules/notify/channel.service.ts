import type { OutboundChannelTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import {
  deliveryCountsByChannel,
  deliveryErrorsNewestFirst,
  findChannel,
  insertChannel,
  listChannelRows,
  updateChannelVersioned,
} from './channel.repository';
import type { EscalationSource } from './escalation.service';
import { maskUrl, sendOnChannel, smtpConfigSchema, webhookConfigSchema } from './outbound';
import { literalAddressRefused, webhookAllowHosts } from './outbound-address';
import { runSweep } from './sweep.service';

// The answer's shape is the contract's (shared/src/contract/notify.ts).
export { channelSchema } from '../../../../shared/src/contract/notify';

function parseConfig(kind: 'smtp' | 'webhook', config: unknown) {
  const parsed = (kind === 'smtp' ? smtpConfigSchema : webhookConfigSchema).safeParse(config);
  if (!parsed.success) {
    throw errors.validation(
      parsed.error.issues.map((i) => ({
        path: ['config', ...i.path.map(String)].join('.'),
        message: { zh: `配置有误：${i.message}`, en: i.message },
      })),
    );
  }
  return parsed.data;
}

function checkSecret(kind: string, secret: string | null | undefined) {
  if (kind !== 'webhook' || !secret) return;
  const url = URL.canParse(secret) ? new URL(secret) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw errors.validation([
      {
        path: 'secret',
        message: { zh: '请填写机器人的完整 Webhook 地址', en: 'Enter the bot’s full webhook URL' },
      },
    ]);
  }
  // A literal private address is refused at once; names are judged when a message is sent.
  if (literalAddressRefused(url, webhookAllowHosts())) {
    throw errors.validation([
      {
        path: 'secret',
        message: {
          zh: 'Webhook 地址指向内网、本机或保留地址；如确需使用，请由运维在 LIANZHAO_WEBHOOK_ALLOW_HOSTS 中允许该主机',
          en: 'The webhook points at a private, local or reserved address; the operator can allow the host in LIANZHAO_WEBHOOK_ALLOW_HOSTS',
        },
      },
    ]);
  }
}

async function present(ctx: ServiceContext, rows: OutboundChannelTable[]) {
  const stats = await deliveryCountsByChannel(ctx.db.kysely);
  const errorsBy = await deliveryErrorsNewestFirst(ctx.db.kysely);
  const count = (id: string, status: string) =>
    Number(stats.find((s) => s.channel_id === id && s.status === status)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'smtp' | 'webhook',
    name: r.name,
    enabled: r.enabled === 1,
    config: JSON.parse(r.config_json) as Record<string, unknown>,
    destination: r.kind === 'webhook' ? maskUrl(r.secret) : null,
    hasSecret: !!r.secret,
    pending: count(r.id, 'pending'),
    sent: count(r.id, 'sent'),
    failed: count(r.id, 'failed'),
    lastError: errorsBy.find((e) => e.channel_id === r.id)?.last_error ?? null,
    version: r.version,
  }));
}

export async function listChannels(ctx: ServiceContext) {
  requireActor(ctx);
  const rows = await listChannelRows(ctx.db.kysely);
  return { items: await present(ctx, rows) };
}

async function loadChannel(ctx: ServiceContext, id: string) {
  const row = await findChannel(ctx.db.kysely, id);
  if (!row) throw errors.notFound('channel');
  return row;
}

/** The audit view: the secret is redacted by the audit writer (field name `secret`). */
const auditable = (r: OutboundChannelTable) => ({ ...r, secret: r.secret ? '[set]' : null });

export async function createChannel(
  ctx: ServiceContext,
  input: {
    kind: 'smtp' | 'webhook';
    name: string;
    enabled?: boolean | undefined;
    config: unknown;
    secret?: string | null | undefined;
  },
) {
  const config = parseConfig(input.kind, input.config);
  checkSecret(input.kind, input.secret);
  const nowIso = ctx.clock.now().toISOString();
  const row: OutboundChannelTable = {
    id: newId(),
    kind: input.kind,
    name: input.name,
    enabled: input.enabled === false ? 0 : 1,
    config_json: JSON.stringify(config),
    secret: input.secret ?? null,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertChannel(trx, row);
    await writeAudit(trx, ctx, {
      entity: 'outbound_channel',
      entityId: row.id,
      action: 'create',
      after: auditable(row),
    });
  });
  const [dto] = await present(ctx, [row]);
  return dto as NonNullable<typeof dto>;
}

export async function updateChannel(
  ctx: ServiceContext,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    enabled?: boolean | undefined;
    config?: unknown;
    secret?: string | null | undefined;
  },
) {
  const before = await loadChannel(ctx, id);
  const kind = before.kind as 'smtp' | 'webhook';
  checkSecret(kind, input.secret);
  const patch: Partial<OutboundChannelTable> = {
    updated_at: ctx.clock.now().toISOString(),
    version: input.version + 1,
  };
  if (input.name !== undefined) patch.name = input.name;
  if (input.enabled !== undefined) patch.enabled = input.enabled ? 1 : 0;
  if (input.config !== undefined) patch.config_json = JSON.stringify(parseConfig(kind, input.config));
  if (input.secret !== undefined) patch.secret = input.secret;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await updateChannelVersioned(trx, id, input.version, patch))) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'outbound_channel',
      entityId: id,
      action: 'update',
      before: auditable(before),
      after: auditable({ ...before, ...patch }),
    });
  });
  const [dto] = await present(ctx, [await loadChannel(ctx, id)]);
  return dto as NonNullable<typeof dto>;
}

/** Sends a test message now and says whether it arrived at the server (the reason if not). */
export async function testChannel(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx);
  const ch = await loadChannel(ctx, id);
  try {
    await sendOnChannel(ch, {
      subject: '【链招】通知渠道测试',
      body: `这是一条测试消息，由 ${actor.displayName} 于 ${ctx.clock.now().toISOString()} 发送。`,
    });
    return { ok: true, error: null };
  } catch (err) {
    // sendOnChannel's message is already the generic one (no refused-vs-HTTP-500 oracle).
    return { ok: false, error: (err as Error).message };
  }
}

/** Runs the escalation sweep and the deliveries now (the serving process also runs it every minute). */
export async function sweepNow(
  ctx: ServiceContext,
  sources: readonly EscalationSource[],
  publicUrl: string | null = null,
) {
  requireActor(ctx);
  return runSweep(ctx.db, ctx.clock, sources, { publicUrl });
}
