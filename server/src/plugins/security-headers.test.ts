import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, helmetHeaders } from './security-headers';

/** helmet run on a real Node response, as it ran on every request before its headers were recorded. */
function helmetOnRealResponse(apply: ReturnType<typeof helmet>) {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'something');
  let called = false;
  apply(req, res, () => {
    called = true;
  });
  expect(called).toBe(true);
  return res.getHeaders();
}

describe('security headers recorded from helmet once', () => {
  it.each([false, true])('equal what helmet sets on a real response (behind TLS: %s)', (secure) => {
    const options = {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: contentSecurityPolicy(secure, secure ? 'https://tiles.example.cn' : null),
      },
      frameguard: { action: 'deny' as const },
      referrerPolicy: { policy: 'same-origin' as const },
      strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    };
    const recorded = helmetHeaders(helmet(options));
    const real = helmetOnRealResponse(helmet(options));
    const replayed = new ServerResponse(new IncomingMessage(new Socket()));
    replayed.setHeader('X-Powered-By', 'something');
    for (const name of recorded.removed) replayed.removeHeader(name);
    for (const [name, value] of recorded.set) replayed.setHeader(name, value);
    expect(replayed.getHeaders()).toEqual(real);
    expect(real['x-powered-by']).toBeUndefined();
    expect(String(real['content-security-policy'])).toContain("script-src 'self'");
    expect(real['strict-transport-security'] !== undefined).toBe(secure);
    expect(Object.keys(real).length).toBeGreaterThanOrEqual(10);
  });
});
