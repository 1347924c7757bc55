// Where the compiled server lives and whether it is current; kept apart from the builder so
// `bin/lianzhao.mjs` can ask without loading esbuild.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'dist', 'server');
export const MANIFEST_NAME = 'build-manifest.json';
/** Written with the build: the project files it read, so a stale build can be told from a current one. */
export const MANIFEST = path.join(OUT_DIR, MANIFEST_NAME);
export const CLI_ENTRY = path.join(OUT_DIR, 'cli.mjs');

/** True when dist/server holds a build at least as new as every source file it was made from. */
export function serverBuildIsCurrent() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  const builtAt = fs.statSync(MANIFEST).mtimeMs;
  for (const file of manifest.inputs) {
    try {
      if (fs.statSync(path.join(ROOT, file)).mtimeMs > builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}
