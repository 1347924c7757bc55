import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web UI; unknown non-API paths get index.html so the SPA router can take them. */
export async function registerWeb(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    // No routes of its own: the catch-all below sends every file. With `wildcard: false` the plugin
    // globbed the ~700 built files at each start and added two routes per file (issue 19: start-up).
    serve: false,
    // The build writes .br/.gz beside each asset (scripts/precompress-web.mjs): a phone on a slow
    // link gets brotli bytes, and no request spends CPU compressing.
    preCompressed: true,
    // Our own cache-control below, not send's max-age=0.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      // Vite names assets by content hash, so a cached copy never goes stale; index.html must be
      // asked for again so a new release's hashes are seen.
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The bytes differ by Accept-Encoding (brotli, gzip or plain): a shared cache must key on it.
      res.setHeader('vary', 'accept-encoding');
    },
  });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const file = path.normalize(path.join(webDist, url));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDist, file));
    }
    if (url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
