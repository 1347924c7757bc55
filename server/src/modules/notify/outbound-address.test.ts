import type dns from 'node:dns';
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, isPublicAddress, webhookAllowHosts } from './outbound-address';
import { postJson } from './webhook-client';

const REFUSED: Record<string, string[]> = {
  loopback: ['127.0.0.1', '127.8.9.10', '::1'],
  unspecified: ['0.0.0.0', '0.1.2.3', '::'],
  private: ['10.0.0.1', '172.16.0.1', '172.31.255.254', '192.168.1.1'],
  'link-local and metadata': ['169.254.169.254', '169.254.0.1', 'fe80::1'],
  'unique-local IPv6': ['fc00::1', 'fd12:3456::1'],
  'IPv4-mapped and compatible IPv6': ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::127.0.0.1'],
  'carrier-grade NAT': ['100.64.0.1', '100.127.255.254'],
  'multicast and broadcast': ['224.0.0.1', '255.255.255.255', 'ff02::1'],
  'tunnels that embed IPv4': ['64:ff9b::a00:1', '2002:7f00:1::', '2001::1'],
  'documentation and benchmarking': ['192.0.2.1', '198.18.0.1', '2001:db8::1'],
  'not an address': ['', 'localhost', '127.0.0.1.nip.io'],
};

describe('webhook address guard', () => {
  for (const [range, addresses] of Object.entries(REFUSED)) {
    it(`refuses ${range}`, () => {
      for (const a of addresses) expect(isPublicAddress(a), a).toBe(false);
    });
  }

  it('lets globally routable unicast through, IPv4 and IPv6, mapped or not', () => {
    for (const a of ['8.8.8.8', '220.181.38.148', '::ffff:8.8.8.8', '2606:4700::1111', '240e:ff:e020::1']) {
      expect(isPublicAddress(a), a).toBe(true);
    }
  });

  it('reads the allow-list as exact, case-blind host names', () => {
    const allow = webhookAllowHosts({
      LIANZHAO_WEBHOOK_ALLOW_HOSTS: ' Bot.Intranet.Zone. , [::1],127.0.0.1,, ',
    });
    expect([...allow].sort()).toEqual(['127.0.0.1', '::1', 'bot.intranet.zone']);
    expect(webhookAllowHosts({}).size).toBe(0);
  });

  type Answer = { err: NodeJS.ErrnoException | null; address: string | dns.LookupAddress[]; family?: number };
  const lookupWith = (addresses: string[], all: boolean) =>
    new Promise<Answer>((resolve) => {
      const lookup = guardedLookup((_host, _opts, cb) =>
        cb(
          null,
          addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        ),
      );
      lookup('bot.example.cn', { all }, (err, address, family) =>
        resolve({ err, address, ...(family === undefined ? {} : { family }) }),
      );
    });

  it('checks every resolved address at connect time, in both lookup forms', async () => {
    expect(await lookupWith(['220.181.38.148'], false)).toEqual({
      err: null,
      address: '220.181.38.148',
      family: 4,
    });
    expect((await lookupWith(['220.181.38.148', '2606:4700::1111'], true)).address).toHaveLength(2);
    // A name that lists a public and a private address is refused as a whole.
    expect((await lookupWith(['220.181.38.148', '10.0.0.7'], true)).err?.name).toBe('AddressRefused');
    expect((await lookupWith(['::ffff:169.254.169.254'], false)).err?.name).toBe('AddressRefused');
    expect((await lookupWith([], false)).err?.name).toBe('AddressRefused');
  });

  describe('on a loopback receiver (no network)', () => {
    let server: http.Server;
    let port = 0;
    let hits = 0;
    beforeAll(async () => {
      server = http.createServer((_req, res) => {
        hits++;
        res.end('{"errcode":0}');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('refuses a name that resolves to loopback when the message is sent (DNS rebinding)', async () => {
      // The name passed any check made when the channel was saved; now it points at loopback.
      let resolutions = 0;
      const send = postJson(
        `http://hook.rebind.test:${port}/send`,
        { a: 1 },
        {
          timeoutMs: 5_000,
          allow: new Set(),
          resolve: (_h, _o, cb) => {
            resolutions++;
            cb(null, [{ address: '127.0.0.1', family: 4 }]);
          },
        },
      );
      await expect(send).rejects.toMatchObject({ name: 'AddressRefused' });
      expect(resolutions).toBe(1);
      expect(hits).toBe(0);
    });

    it('refuses literal and disguised loopback addresses before connecting', async () => {
      for (const url of [
        `http://127.0.0.1:${port}/`,
        `http://2130706433:${port}/`,
        `http://0x7f.1:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
        `http://localhost:${port}/`,
      ]) {
        await expect(postJson(url, {}, { timeoutMs: 5_000, allow: new Set() }), url).rejects.toMatchObject({
          name: 'AddressRefused',
        });
      }
      expect(hits).toBe(0);
    });

    it('delivers to a host the operator allowed', async () => {
      const res = await postJson(
        `http://127.0.0.1:${port}/send`,
        { a: 1 },
        {
          timeoutMs: 5_000,
          allow: new Set(['127.0.0.1']),
        },
      );
      expect(res).toEqual({ status: 200, body: '{"errcode":0}' });
      expect(hits).toBe(1);
    });
  });
});
