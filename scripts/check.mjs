#!/usr/bin/env node
// `npm test`: lint, typecheck, build (web + server), then every test tier in one vitest run. Each step
// is timed; the times travel to the summary reporter (LZ_STEP_SECONDS) so the closing line names them
// all. Stops at the first failing step, with its exit code.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const STEPS = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['build', ['run', 'build']],
];

const times = [];
for (const [name, args] of STEPS) {
  const started = performance.now();
  const res = spawnSync(npm, args, { stdio: 'inherit' });
  times.push(`${name}=${((performance.now() - started) / 1000).toFixed(1)}`);
  if (res.status !== 0) {
    process.stderr.write(`\n${name} failed: ${times.join(' ')}\n`);
    process.exit(res.status ?? 1);
  }
}
const res = spawnSync(npm, ['run', 'test:all'], {
  stdio: 'inherit',
  env: { ...process.env, LZ_STEP_SECONDS: times.join(' ') },
});
process.exit(res.status ?? 1);
