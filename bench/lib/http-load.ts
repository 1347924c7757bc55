import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface HttpLoadJob {
  baseUrl: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  background: { paths: string[]; connections: number } | null;
  /** Seconds before autocannon gives a request up (its default is 10). */
  timeoutSeconds?: number;
}

export interface HttpStreamResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

export interface EventLoopDelay {
  meanMs: number;
  p99Ms: number;
  maxMs: number;
}

export interface HttpLoadResult {
  main: HttpStreamResult;
  background: HttpStreamResult | null;
  eventLoop: EventLoopDelay;
}

type WorkerMessage =
  | { type: 'measuring' }
  | { type: 'done'; main: HttpStreamResult; background: HttpStreamResult | null };

/**
 * Loads the app (listening in this process) from a worker thread and measures this thread's
 * event-loop delay while it serves: how long a ready callback waited, i.e. how long one request can
 * stall the others.
 */
export function runHttpLoad(job: HttpLoadJob): Promise<HttpLoadResult> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-entry.mjs', import.meta.url), { workerData: job });
    // A hard bound, whatever autocannon does.
    const limit = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error('HTTP load did not finish in time'));
      },
      (job.seconds + job.warmupSeconds + 30) * 1000,
    );
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'measuring') {
        histogram.reset();
        histogram.enable();
        return;
      }
      histogram.disable();
      clearTimeout(limit);
      const ms = (ns: number) => ns / 1e6;
      resolve({
        main: msg.main,
        background: msg.background,
        eventLoop: {
          meanMs: ms(histogram.mean),
          p99Ms: ms(histogram.percentile(99)),
          maxMs: ms(histogram.max),
        },
      });
      void worker.terminate();
    });
    worker.on('error', (err) => {
      clearTimeout(limit);
      reject(err);
    });
  });
}
