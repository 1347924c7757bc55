#!/usr/bin/env node
// Writes a .br and a .gz beside every text asset of the built web UI, so the server sends phones the
// compressed bytes (fastify-static's preCompressed) without compressing on each request. Brotli at
// its best quality is done once here, where it costs build time instead of CPU per request.
// Usage: node scripts/precompress-web.mjs (after `vite build`; `npm run build:web` runs it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '../web/dist');
const TEXT = /\.(js|css|html|svg|json|webmanifest|txt)$/;
/** Below this, the compressed copy saves less than the headers it adds. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let count = 0;
for (const file of files(DIST)) {
  if (!TEXT.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
  const body = fs.readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION }));
  count += 1;
}
console.log(`precompressed ${count} files (.br, .gz)`);
