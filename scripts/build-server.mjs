#!/usr/bin/env node
// Compiles the server (server/src + shared/src) into dist/server with esbuild (decision 012): one ESM
// bundle per entry point, npm packages left as imports, shared code split into chunks so a lazily
// imported command or route loads only when it is used. Plain JavaScript so it runs without tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { MANIFEST_NAME, OUT_DIR, ROOT } from './server-build-state.mjs';

/**
 * npm packages stay imports (resolved from node_modules at run time) except these: only our code uses
 * them and they are many small ES modules, which Node loads one file at a time (kysely is ~300 files,
 * a tenth of the start-up when loaded from node_modules).
 */
const BUNDLED_PACKAGES = new Set(['kysely']);

function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/', 2).join('/') : args.path.split('/')[0];
        return bundled.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * esbuild writes strings and names as ASCII but keeps comments as written, and our comments carry
 * Chinese. One such character makes V8 hold the whole chunk's source as two-byte text: twice the
 * memory, kept for the life of the process (the idle server held 14 MB of module source). Every
 * character left outside ASCII is in a comment or a string, where a \u escape reads the same.
 */
function asciiOnly(dir) {
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.mjs')) continue;
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const ascii = text.replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (ascii !== text) fs.writeFileSync(file, ascii);
  }
}

/**
 * Output sits two folders below the root (dist/server), as the sources do (server/src), so
 * `import.meta.dirname + '../..'` (config.ts) still names the root. The worker keeps its file name
 * `read-worker-entry.mjs` beside the chunks: read-pool.ts finds it with `new URL(…, import.meta.url)`,
 * and under tsx the source folder holds a file of that name that loads the TypeScript worker.
 */
export async function buildServer({ quiet = false } = {}) {
  const started = performance.now();
  const staging = `${OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: 'server/src/cli/main.ts',
      'read-worker-entry': 'server/src/db/read-worker.ts',
      // the read workers import READ_TASKS from this entry (read-tasks.ts: READ_TASKS_MODULE).
      'read-tasks': 'server/src/read-tasks.ts',
      // upload/parse-runner.ts starts `parse-worker.mjs` beside its own (chunk) file.
      'parse-worker': 'server/src/upload/parse-worker.ts',
    },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    plugins: [externalPackagesExcept(BUNDLED_PACKAGES)],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  asciiOnly(staging);
  // Our sources, and the lock file standing for the bundled packages' versions.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules'))
    .sort()
    .concat('package-lock.json');
  fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify({ inputs }, null, 1)}\n`);
  // Swap the finished build in whole, so a running server or a second build never reads half of one.
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.renameSync(staging, OUT_DIR);
  if (!quiet) {
    const ms = Math.round(performance.now() - started);
    console.log(`server built: dist/server (${inputs.length} source files, ${ms} ms)`);
  }
}

/**
 * Builds unless another process is building already (several servers started at once on a stale
 * build): one takes a lock folder (mkdir is atomic), the others wait for it, then build only if the
 * build they find is still stale. A lock left by a killed builder is taken over after two minutes.
 */
export async function buildServerOnce({ quiet = false, isCurrent = () => false } = {}) {
  const lock = path.join(path.dirname(OUT_DIR), '.server-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!isCurrent()) await buildServer({ quiet });
      return;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
}
