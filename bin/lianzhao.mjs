#!/usr/bin/env node
// Runs the compiled server (dist/server, `npm run build`; decision 012). A missing or stale build is
// rebuilt first when the build tool is installed (a checkout with its dev dependencies); a deployment
// without it runs the build it has, or says how to make one. Development runs the TypeScript through
// tsx instead: `npm run dev`.
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, serverBuildIsCurrent } from '../scripts/server-build-state.mjs';

if (!serverBuildIsCurrent()) {
  let buildServerOnce = null;
  try {
    ({ buildServerOnce } = await import('../scripts/build-server.mjs'));
  } catch {
    // esbuild is a dev dependency: not there in an install without them.
  }
  if (buildServerOnce) {
    process.stderr.write('lianzhao: the server build is missing or older than its sources; building it…\n');
    // Several processes started at once on a stale build: one builds, the others wait for it.
    await buildServerOnce({ quiet: true, isCurrent: serverBuildIsCurrent });
  } else {
    const { existsSync } = await import('node:fs');
    if (!existsSync(CLI_ENTRY)) {
      process.stderr.write(
        'lianzhao: no server build in dist/server. Run `npm run build` (needs the dev dependencies).\n',
      );
      process.exit(1);
    }
    process.stderr.write('lianzhao: dist/server does not match the sources; `npm run build` refreshes it.\n');
  }
}
await import(pathToFileURL(CLI_ENTRY).href);
