import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

/** A bare SMTP receiver on loopback: enough of RFC 5321 for one client to hand over a message. */
function startSmtp(): Promise<{
  port: number;
  messages: Array<{ rcpt: string[]; data: string }>;
  close: () => Promise<void>;
}> {
  const messages: Array<{ rcpt: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let rcpt: string[] = [];
    socket.write('220 127.0.0.1 ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          messages.push({ rcpt, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          rcpt = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl === -1) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-127.0.0.1\r\n250 8BITMIME\r\n');
        else if (verb === 'RCPT') {
          rcpt.push(line.replace(/^RCPT TO:\s*/i, ''));
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, messages, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The text of a single-part message as nodemailer encodes it (base64 or quoted-printable). */
function mailText(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split);
  const body = data.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

/** A chat-bot webhook on loopback that answers like WeChat Work ({errcode: 0}). */
function startWebhook(): Promise<{ url: string; bodies: unknown[]; close: () => Promise<void> }> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=SECRET-BOT-KEY`,
        bodies,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

describe.skipIf(SKIP_DB)('notifications and the outbound channel (loopback receivers)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let firmUser: Session;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: Awaited<ReturnType<typeof startWebhook>>;

  beforeAll(async () => {
    // The receivers listen on loopback, which the webhook guard refuses unless the operator allows it.
    process.env.LIANZHAO_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';
    // The zone's public address: messages then carry a link to their record.
    t = await createTestApp({ publicUrl: 'https://zhaoshang.zone.example' });
    admin = await t.login('admin');
    officer = await t.login('officer');
    firmUser = await t.login('firm');
    smtp = await startSmtp();
    hook = await startWebhook();
  });
  afterAll(async () => {
    delete process.env.LIANZHAO_WEBHOOK_ALLOW_HOSTS;
    await t?.close();
    await smtp?.close();
    await hook?.close();
  });

  it('queues each event once per channel and sends it on the sweep, by webhook and by email', async () => {
    // The demo's overdue items escalate on the first sweep; before any channel exists, nothing leaves.
    expect((await t.call(admin, 'POST', '/api/notify/sweep')).json()).toMatchObject({ sent: 0, failed: 0 });
    const wh = await t.call(admin, 'POST', '/api/notify/channels', {
      kind: 'webhook',
      name: '督查室企业微信群',
      config: { flavour: 'wecom', kinds: ['request.submitted', 'request.escalated'] },
      secret: hook.url,
    });
    expect(wh.statusCode, wh.body).toBe(201);
    // The bot key never comes back, neither in the channel nor in the audit log.
    expect(wh.body).not.toContain('SECRET-BOT-KEY');
    expect(wh.json().destination).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cgi-bin\/webhook\/send\?…$/);
    const mail = await t.call(admin, 'POST', '/api/notify/channels', {
      kind: 'smtp',
      name: '督查室邮箱',
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'lianzhao@zone.example',
        to: ['duban@zone.example'],
      },
    });
    expect(mail.statusCode, mail.body).toBe(201);

    const projects = (await t.call(firmUser, 'GET', '/api/projects')).json().items as Array<{ id: string }>;
    const raised = await t.call(firmUser, 'POST', '/api/requests', {
      projectId: projects[0]?.id,
      type: 'water',
      title: '生产用水管网接入',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const officerInbox = (await t.call(officer, 'GET', '/api/inbox')).json();
    expect(officerInbox.notifications[0].title).toContain('生产用水管网接入');
    expect(officerInbox.unread).toBeGreaterThan(0);

    const sweep = (await t.call(admin, 'POST', '/api/notify/sweep')).json();
    expect(sweep.sent).toBe(2);
    expect(sweep.failed).toBe(0);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]).toMatchObject({ msgtype: 'text' });
    expect(JSON.stringify(hook.bodies[0])).toContain('生产用水管网接入');
    // A phone opens the request from the group chat (after signing in, /login?next= keeps the way).
    const link = `https://zhaoshang.zone.example/requests/${raised.json().id}`;
    expect((hook.bodies[0] as { text: { content: string } }).text.content).toContain(`打开：${link}`);
    expect(mailText(smtp.messages[0]?.data ?? '')).toContain(link);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.rcpt[0]).toContain('duban@zone.example');
    expect(smtp.messages[0]?.data).toMatch(/Subject:/);
    // Idempotent: nothing is sent twice.
    expect((await t.call(admin, 'POST', '/api/notify/sweep')).json().sent).toBe(0);

    const channels = (await t.call(admin, 'GET', '/api/notify/channels')).json().items;
    expect(channels.map((c: { sent: number }) => c.sent)).toEqual([1, 1]);
    const audit = await t.call(admin, 'GET', '/api/audit?entity=outbound_channel');
    expect(audit.body).not.toContain('SECRET-BOT-KEY');

    const test = await t.call(admin, 'POST', `/api/notify/channels/${mail.json().id}/test`);
    expect(test.json()).toEqual({ ok: true, error: null });
    expect(smtp.messages).toHaveLength(2);
  });

  it('retries a failing channel with back-off and reports the reason', async () => {
    const dead = await t.call(admin, 'POST', '/api/notify/channels', {
      kind: 'webhook',
      name: '失效的机器人',
      config: { flavour: 'dingtalk' },
      // Nothing listens on port 9 of loopback (discard): the connection is refused.
      secret: 'http://127.0.0.1:9/robot/send?access_token=x',
    });
    const test = (await t.call(admin, 'POST', `/api/notify/channels/${dead.json().id}/test`)).json();
    expect(test.ok).toBe(false);
    const projects = (await t.call(firmUser, 'GET', '/api/projects')).json().items as Array<{ id: string }>;
    await t.call(firmUser, 'POST', '/api/requests', {
      projectId: projects[0]?.id,
      type: 'gas',
      title: '燃气接入（重试测试）',
    });
    const sweep = (await t.call(admin, 'POST', '/api/notify/sweep')).json();
    expect(sweep.failed).toBeGreaterThanOrEqual(1);
    const channels = (await t.call(admin, 'GET', '/api/notify/channels')).json().items;
    const d = channels.find((c: { name: string }) => c.name === '失效的机器人');
    expect(d).toMatchObject({ pending: 1, sent: 0 });
    expect(d.lastError).toBeTruthy();
    // Marking read empties the unread count.
    await t.call(officer, 'POST', '/api/inbox/notifications/read-all');
    expect((await t.call(officer, 'GET', '/api/inbox/count')).json().unread).toBe(0);
  });
});
