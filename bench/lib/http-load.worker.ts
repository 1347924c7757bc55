import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { HttpLoadJob, HttpStreamResult } from './http-load';

/**
 * Runs autocannon in its own thread, so the load generator does not share the server's event loop
 * (the server's event-loop delay is measured on the main thread).
 */
/** Off the main thread autocannon returns raw (encoded) histograms; this aggregates them. */
const { aggregateResult } = autocannon as unknown as {
  aggregateResult(results: unknown[], opts: autocannon.Options): autocannon.Result;
};

/** The p-th percentile (0..1) of some latencies (ms), nearest rank. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

async function fire(job: HttpLoadJob, paths: string[], connections: number, seconds: number) {
  let next = 0;
  // autocannon's percentiles skip p95 (the 200-user goal's figure): keep every response time.
  const times: number[] = [];
  // Without a callback autocannon returns its tracker (an EventEmitter) made thenable; typed as a Promise.
  const tracker = autocannon({
    url: job.baseUrl,
    connections,
    duration: seconds,
    timeout: job.timeoutSeconds ?? 10,
    headers: { cookie: job.cookie, accept: 'application/json' },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length] ?? '/';
          return request;
        },
      },
    ],
  });
  (tracker as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms),
  );
  const raw = await tracker;
  times.sort((a, b) => a - b);
  return {
    result: aggregateResult([raw], { url: job.baseUrl, connections, duration: seconds }),
    p95Ms: percentile(times, 0.95),
  };
}

function toResult({ result: r, p95Ms }: Awaited<ReturnType<typeof fire>>): HttpStreamResult {
  return {
    p95Ms,
    requests: r.requests.total,
    perSecond: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function main() {
  const job = workerData as HttpLoadJob;
  // The warm-up also runs the side stream: its first requests start the app's read workers.
  if (job.warmupSeconds > 0)
    await Promise.all([
      fire(job, job.paths, job.connections, job.warmupSeconds),
      job.background ? fire(job, job.background.paths, job.background.connections, job.warmupSeconds) : null,
    ]);
  parentPort?.postMessage({ type: 'measuring' });
  const background = job.background
    ? fire(job, job.background.paths, job.background.connections, job.seconds)
    : null;
  const main = await fire(job, job.paths, job.connections, job.seconds);
  const bg = background ? await background : null;
  parentPort?.postMessage({ type: 'done', main: toResult(main), background: bg ? toResult(bg) : null });
}

void main();
