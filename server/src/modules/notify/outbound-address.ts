import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where an outbound webhook may connect (SSRF guard). An admin types the webhook URL, so without a
 * guard the server could be made to call its own admin port, the database, the cloud metadata
 * service (169.254.169.254) or anything else on the zone's private network. The rule is deny by
 * default: only globally routable unicast addresses are reached — ipaddr.js classifies the
 * address, after unwrapping IPv4-mapped IPv6 (::ffff:127.0.0.1 is loopback) — and every other range
 * (loopback, private, link-local, unique-local, CGNAT, unspecified 0.0.0.0/::, multicast, broadcast,
 * documentation, NAT64, 6to4, Teredo, reserved) is refused, unless the operator names the host in
 * `LIANZHAO_WEBHOOK_ALLOW_HOSTS` (an intranet bot gateway, a test receiver on loopback).
 *
 * The check is made on the address the socket connects to, inside the DNS lookup of that very
 * connection, so a name that resolves to a public address when the channel is saved and to a
 * private one when the message is sent (DNS rebinding) is still refused.
 */

/** True when the address is globally routable unicast, the only kind a webhook may reach. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** A host name as compared with the allow-list: lower case, no brackets, no trailing dot. */
function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * The operator's allow-list: `LIANZHAO_WEBHOOK_ALLOW_HOSTS`, host names or addresses separated by
 * commas, matched exactly (no wildcards: each exception is a deliberate choice). It is read where a
 * message is sent rather than threaded from config.ts through the sweeper; splitting a short
 * string per message costs nothing. Deliberately not a database setting: the guard is against a
 * web admin (or whoever holds that session), so lifting it needs the shell.
 */
export function webhookAllowHosts(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  const raw = env.LIANZHAO_WEBHOOK_ALLOW_HOSTS ?? '';
  return new Set(
    raw
      .split(',')
      .map(normaliseHost)
      .filter((h) => h.length > 0),
  );
}

/** The URL's host as the allow-list and `net.isIP` see it (WHATWG URL has already normalised it). */
export function hostOf(url: URL): string {
  return normaliseHost(url.hostname);
}

/** Thrown when the guard refuses an address; the message is the admin's, the same for every range. */
export class AddressRefused extends Error {
  constructor() {
    super('destination address not allowed');
    this.name = 'AddressRefused';
  }
}

/**
 * The verdict that needs no network: a literal address in the URL (`http://10.0.0.5/`, and the
 * forms URL parsing turns into one, like `http://2130706433/` or `http://0x7f.1/`). Host names are
 * judged when they are resolved (`guardedLookup`).
 */
export function literalAddressRefused(url: URL, allow: ReadonlySet<string>): boolean {
  const host = hostOf(url);
  if (allow.has(host)) return false;
  return net.isIP(host) !== 0 && !isPublicAddress(host);
}

type LookupAll = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request`: resolves the name, refuses the connection if any of its addresses
 * is not public (an attacker's name may list a public and a private address), and hands the checked
 * addresses to the socket. `resolve` is injectable so tests can play a rebinding name offline.
 */
export function guardedLookup(resolve: LookupAll = dns.lookup as LookupAll) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { family: options.family ?? 0, hints: options.hints ?? 0, all: true }, (err, list) => {
      if (err) return callback(err, []);
      if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) {
        return callback(Object.assign(new AddressRefused(), { code: 'EADDRREFUSED' }), []);
      }
      if (options.all) return callback(null, list);
      const first = list[0] as dns.LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
