import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response. Scripts come only from this origin (the Vite
 * build emits no inline script), so markup that slips into the page — a name rendered as HTML —
 * cannot run. Styles allow 'unsafe-inline': antd's CSS-in-JS writes `<style>` elements at run time,
 * ECharts' tooltips carry `style="…"` attributes, and the dossier page prints its own `<style>`; a
 * nonce cannot be used because the SPA's index.html is a static file. Inline styles cannot run script.
 */
export function contentSecurityPolicy(
  secure: boolean,
  tileOrigin: string | null = null,
): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // Photos and attachments come from the API; upload previews are data: and blob: URLs; the map's
    // basemap tiles, when one is configured (LIANZHAO_MAP_TILES), from that one origin.
    'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Behind TLS only: on a plain-HTTP intranet install it would send the page's own requests to https.
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

type HelmetMiddleware = ReturnType<typeof helmet>;

/**
 * What helmet does to a response, recorded once at start-up. Our policy has no per-request part (no
 * nonce, no directive computed from the request), so every response gets the same headers; running
 * helmet's fourteen middlewares on each request cost ~4 % of a list page's CPU (issue 19). helmet
 * stays the source of the headers and their values; a test checks a response against helmet's own.
 */
export function helmetHeaders(apply: HelmetMiddleware): {
  set: Array<[string, string]>;
  removed: string[];
} {
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let failure: unknown = null;
  apply(
    {} as Parameters<HelmetMiddleware>[0],
    recorder as unknown as Parameters<HelmetMiddleware>[1],
    (err?: unknown) => {
      if (err) failure = err;
    },
  );
  if (failure) throw failure;
  return { set, removed };
}

/**
 * Security headers on every response (helmet): the CSP above, X-Frame-Options DENY, nosniff,
 * Referrer-Policy same-origin (as index.html's meta says), HSTS only when the app sits behind TLS
 * (`LIANZHAO_SECURE_COOKIES=1`), and `Cache-Control: no-store` on API answers, which carry personal
 * and business data that a shared browser or proxy must not keep. Routes that set their own
 * Cache-Control (photos, attachments) keep it.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  opts: { secure: boolean; tileOrigin?: string | null },
): void {
  const headers = helmetHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: contentSecurityPolicy(opts.secure, opts.tileOrigin ?? null),
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: opts.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const name of headers.removed) res.removeHeader(name);
    for (const [name, value] of headers.set) res.setHeader(name, value);
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
