import http from 'node:http';
import type net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';
import { ADDRESS_NOT_ALLOWED, DELIVERY_FAILED } from './outbound';

/** A loopback receiver that answers every request with `status`; counts what reached it. */
async function receiver(status: number) {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    res.statusCode = status;
    res.end(JSON.stringify({ errcode: 0 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    hits: () => hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.skipIf(SKIP_DB)('outbound webhooks cannot reach the zone’s own network (SSRF)', () => {
  let t: TestApp;
  let admin: Session;
  let ok: Awaited<ReturnType<typeof receiver>>;
  let failing: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ok = await receiver(200);
    failing = await receiver(500);
  });
  afterAll(async () => {
    await t?.close();
    await ok?.close();
    await failing?.close();
  });
  afterEach(() => {
    delete process.env.LIANZHAO_WEBHOOK_ALLOW_HOSTS;
  });

  const create = (secret: string) =>
    t.call(admin, 'POST', '/api/notify/channels', {
      kind: 'webhook',
      name: `机器人 ${secret.slice(0, 40)}`,
      config: { flavour: 'wecom' },
      secret,
    });
  const testSend = async (id: string) =>
    (await t.call(admin, 'POST', `/api/notify/channels/${id}/test`)).json() as {
      ok: boolean;
      error: string | null;
    };

  it('refuses a literal address in every non-public range when the channel is saved', async () => {
    const refused = [
      'http://127.0.0.1/send',
      'http://2130706433/send',
      'http://0x7f.0.0.1/send',
      'http://0.0.0.0/send',
      'http://[::1]/send',
      'http://[::]/send',
      'http://[::ffff:127.0.0.1]/send',
      'http://[::ffff:a00:1]/send',
      'http://10.1.2.3/send',
      'http://172.20.0.1/send',
      'http://192.168.0.10/send',
      'http://100.64.1.1/send',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/send',
      'http://[fd00::1]/send',
      'https://[64:ff9b::a9fe:a9fe]/send',
    ];
    for (const secret of refused) {
      const res = await create(secret);
      expect(res.statusCode, secret).toBe(400);
      expect(res.json().error.fields[0].path).toBe('secret');
    }
    const rows = await t.db.kysely.selectFrom('outbound_channel').select('id').execute();
    expect(rows).toHaveLength(0);
    // Editing an existing channel to such an address is refused the same way.
    const good = await create('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
    expect(good.statusCode).toBe(201);
    const edit = await t.call(admin, 'PATCH', `/api/notify/channels/${good.json().id}`, {
      version: good.json().version,
      secret: 'http://169.254.169.254/',
    });
    expect(edit.statusCode).toBe(400);
  });

  it('refuses a name that resolves to loopback when the message is sent, and nothing arrives', async () => {
    const ch = await create(`http://localhost:${ok.port}/send`);
    expect(ch.statusCode).toBe(201);
    expect(await testSend(ch.json().id)).toEqual({ ok: false, error: ADDRESS_NOT_ALLOWED });
    expect(ok.hits()).toBe(0);
  });

  it('delivers to a loopback host the operator allowed, by address or by name', async () => {
    process.env.LIANZHAO_WEBHOOK_ALLOW_HOSTS = '127.0.0.1, localhost';
    const byAddress = await create(`http://127.0.0.1:${ok.port}/send`);
    expect(byAddress.statusCode).toBe(201);
    expect(await testSend(byAddress.json().id)).toEqual({ ok: true, error: null });
    const byName = await create(`http://LOCALHOST:${ok.port}/send`);
    expect(await testSend(byName.json().id)).toEqual({ ok: true, error: null });
    expect(ok.hits()).toBe(2);
    // Another loopback address is not covered by the allowed one.
    expect((await create(`http://127.0.0.2:${ok.port}/send`)).statusCode).toBe(400);
  });

  it('answers "connection refused" and "HTTP 500" with the same words', async () => {
    process.env.LIANZHAO_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';
    const closed = await receiver(200);
    await closed.close();
    const refusedCh = await create(`http://127.0.0.1:${closed.port}/send`);
    const errorCh = await create(`http://127.0.0.1:${failing.port}/send`);
    const refused = await testSend(refusedCh.json().id);
    const served500 = await testSend(errorCh.json().id);
    expect(failing.hits()).toBe(1);
    expect(refused).toEqual({ ok: false, error: DELIVERY_FAILED });
    expect(served500).toEqual(refused);
  });
});
