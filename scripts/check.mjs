// `npm test`: lint, typecheck, build (web + server), then every test tier in one vitest run. The steps
// before the tests run in two lanes at once (this machine has two cores and each step keeps about one
// busy): the server's typecheck in one; lint, the build and the web's typecheck in the other. A step's
// output is printed whole when it ends, so the lanes do not interleave. Each step is timed; the times
// travel to the summary reporter (LZ_STEP_SECONDS) so the closing line names them all. A failing step
// stops the run with its exit code (after the other lane's running step ends).
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const LANES = [
  [['typecheck-server', ['run', 'typecheck:server']]],
  [
    ['lint', ['run', 'lint']],
    ['build', ['run', 'build']],
    ['typecheck-web', ['run', 'typecheck:web']],
  ],
];

/** Runs one step with its output captured; resolves with its exit code and seconds taken. */
function runStep(name, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(out));
      const seconds = (performance.now() - started) / 1000;
      resolve({ name, code: code ?? 1, seconds });
    });
  });
}

const times = new Map();
let failed = null;
await Promise.all(
  LANES.map(async (lane) => {
    for (const [name, args] of lane) {
      if (failed) return;
      const res = await runStep(name, args);
      times.set(name, res.seconds);
      if (res.code !== 0 && !failed) failed = res;
    }
  }),
);
const order = ['lint', 'typecheck-server', 'typecheck-web', 'build'];
const summary = order
  .filter((name) => times.has(name))
  .map((name) => `${name}=${times.get(name).toFixed(1)}`)
  .join(' ');
if (failed) {
  process.stderr.write(`\n${failed.name} failed: ${summary}\n`);
  process.exit(failed.code);
}
const res = spawnSync(npm, ['run', 'test:all'], {
  stdio: 'inherit',
  env: { ...process.env, LZ_STEP_SECONDS: summary },
});
process.exit(res.status ?? 1);
