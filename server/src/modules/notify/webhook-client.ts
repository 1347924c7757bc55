import http from 'node:http';
import https from 'node:https';
import {
  AddressRefused,
  guardedLookup,
  hostOf,
  literalAddressRefused,
  webhookAllowHosts,
} from './outbound-address';

/** A bot answers with a few bytes of JSON; anything past this is not read into memory. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookAnswer {
  status: number;
  body: string;
}

export interface PostOptions {
  timeoutMs: number;
  allow?: ReadonlySet<string>;
  /** Tests replace DNS to play a rebinding name without a network. */
  resolve?: Parameters<typeof guardedLookup>[0];
}

/**
 * POSTs JSON to a webhook through the SSRF guard (outbound-address.ts): literal addresses are
 * judged before connecting, names inside the connection's own DNS lookup. Redirects are not
 * followed (a public URL must not bounce the request inside), a fresh socket is used each time
 * (no pooled connection outlives the check), and at most 64 KiB of the answer are read.
 */
export function postJson(urlText: string, payload: unknown, opts: PostOptions): Promise<WebhookAnswer> {
  const url = new URL(urlText);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  }
  const allow = opts.allow ?? webhookAllowHosts();
  if (literalAddressRefused(url, allow)) return Promise.reject(new AddressRefused());
  const body = Buffer.from(JSON.stringify(payload));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
        signal: AbortSignal.timeout(opts.timeoutMs),
        ...(allow.has(hostOf(url)) ? {} : { lookup: guardedLookup(opts.resolve) }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) res.destroy(new Error('answer too large'));
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
