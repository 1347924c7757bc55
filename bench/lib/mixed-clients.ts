/**
 * Simulated users that read and edit through the HTTP API: each client is one closed loop (the next
 * request leaves when the last answered, as autocannon's connections do), takes the next operation of
 * a shared list, and talks to one of the app processes. autocannon sends fixed requests only; an edit
 * needs the version that the read before it returned, hence this small client.
 */
import http from 'node:http';
import type { HttpStreamResult } from './http-load';

export type MixedOp =
  /** A GET; `kind` names its row in the report (list, detail, search, cockpit). */
  | { type: 'read'; kind: string; path: string }
  /** A versioned edit of one project: read it, then PATCH the counter field + 1 with its version. */
  | { type: 'edit'; projectId: string };

export interface MixedJob {
  baseUrls: string[];
  cookie: string;
  csrfToken: string;
  clients: number;
  ops: MixedOp[];
  seconds: number;
  warmupSeconds: number;
  timeoutSeconds: number;
  /** Called when the warm-up ends and timing starts (e.g. to read the servers' CPU time). */
  onMeasureStart?: () => void;
}

export interface EditTally {
  /** PATCHes answered 200 (the warm-up's included: the lost-update check counts every one). */
  ok: number;
  /** Of those, the ones that succeeded on the retry after a 409. */
  okAfterRetry: number;
  /** 409 answers: the version read was no longer current (another client's edit came first). */
  clashes: number;
  /** Edits abandoned after a 409 on the retry too (as a person would see the clash twice). */
  gaveUp: number;
  /** Successful PATCHes per project id. */
  perProject: Map<string, number>;
  /** PATCHes whose outcome is unknown (network error or timeout): the check cannot count them. */
  unknown: number;
}

export interface MixedResult {
  seconds: number;
  /** Per request kind: list, detail, search, cockpit, edit-read (the GET before a PATCH), edit. */
  kinds: Record<string, HttpStreamResult>;
  all: HttpStreamResult;
  edits: EditTally;
}

/** The p-th quantile (0..1) of sorted values, nearest rank. */
function at(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

interface Tally {
  times: number[];
  non2xx: number;
  errors: number;
}

function stream(t: Tally, seconds: number): HttpStreamResult {
  const sorted = Float64Array.from(t.times).sort();
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50Ms: at(sorted, 0.5),
    p95Ms: at(sorted, 0.95),
    p99Ms: at(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    non2xx: t.non2xx,
    errors: t.errors,
  };
}

interface Answer {
  status: number;
  /** The body, when asked for (edit reads); other bodies are drained unread. */
  text: string;
}

export async function runMixedClients(job: MixedJob): Promise<MixedResult> {
  if (job.ops.length === 0 || job.baseUrls.length === 0) throw new Error('mixed load: nothing to run');
  const perTarget = Math.ceil(job.clients / job.baseUrls.length);
  const agents = job.baseUrls.map(() => new http.Agent({ keepAlive: true, maxSockets: perTarget }));
  const tallies = new Map<string, Tally>();
  const edits: EditTally = {
    ok: 0,
    okAfterRetry: 0,
    clashes: 0,
    gaveUp: 0,
    perProject: new Map(),
    unknown: 0,
  };
  let next = 0;
  const started = performance.now();
  const measureFrom = started + job.warmupSeconds * 1000;
  const end = measureFrom + job.seconds * 1000;

  const tallyOf = (kind: string) => {
    let t = tallies.get(kind);
    if (!t) {
      t = { times: [], non2xx: 0, errors: 0 };
      tallies.set(kind, t);
    }
    return t;
  };

  const send = (target: number, method: string, path: string, body: string | null, keep: boolean) =>
    new Promise<Answer>((resolve, reject) => {
      const url = new URL(path, job.baseUrls[target]);
      const headers: http.OutgoingHttpHeaders = { cookie: job.cookie, accept: 'application/json' };
      if (body !== null) {
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = job.csrfToken;
      }
      const req = http.request(url, { method, agent: agents[target], headers }, (res) => {
        const chunks: Buffer[] = [];
        if (keep) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: keep ? Buffer.concat(chunks).toString() : '' });
        });
        res.on('error', reject);
      });
      const timer = setTimeout(() => req.destroy(new Error('timeout')), job.timeoutSeconds * 1000);
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.end(body ?? undefined);
    });

  /** One request, timed into its kind's row while measuring; null when it failed without an answer. */
  const call = async (
    target: number,
    kind: string,
    method: string,
    path: string,
    opts: { body?: string; keep?: boolean; expected?: number[] } = {},
  ): Promise<Answer | null> => {
    const t0 = performance.now();
    // Timed when it left inside the measured window (the warm-up's requests are not).
    const counted = t0 >= measureFrom && t0 < end;
    try {
      const answer = await send(target, method, path, opts.body ?? null, opts.keep ?? false);
      if (counted) {
        const t = tallyOf(kind);
        t.times.push(performance.now() - t0);
        const fine = answer.status < 300 || (opts.expected ?? []).includes(answer.status);
        if (!fine) t.non2xx++;
      }
      return answer;
    } catch {
      if (counted) tallyOf(kind).errors++;
      return null;
    }
  };

  const edit = async (target: number, id: string) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const read = await call(target, 'edit-read', 'GET', `/api/projects/${id}`, { keep: true });
      if (read?.status !== 200) return;
      const project = JSON.parse(read.text) as { version: number; expectedJobs: number | null };
      const body = JSON.stringify({
        version: project.version,
        expectedJobs: (project.expectedJobs ?? 0) + 1,
      });
      const res = await call(target, 'edit', 'PATCH', `/api/projects/${id}`, { body, expected: [409] });
      if (res === null) {
        edits.unknown++;
        return;
      }
      if (res.status === 200) {
        edits.ok++;
        if (attempt > 0) edits.okAfterRetry++;
        edits.perProject.set(id, (edits.perProject.get(id) ?? 0) + 1);
        return;
      }
      if (res.status !== 409) return;
      edits.clashes++;
    }
    edits.gaveUp++;
  };

  const client = async (index: number) => {
    const target = index % job.baseUrls.length;
    while (performance.now() < end) {
      const op = job.ops[next++ % job.ops.length] as MixedOp;
      if (op.type === 'read') await call(target, op.kind, 'GET', op.path);
      else await edit(target, op.projectId);
    }
  };

  const measuring = setTimeout(() => job.onMeasureStart?.(), job.warmupSeconds * 1000);
  try {
    await Promise.all(Array.from({ length: job.clients }, (_, i) => client(i)));
  } finally {
    clearTimeout(measuring);
    for (const agent of agents) agent.destroy();
  }
  const kinds: Record<string, HttpStreamResult> = {};
  const all: Tally = { times: [], non2xx: 0, errors: 0 };
  for (const [kind, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    kinds[kind] = stream(t, job.seconds);
    all.times = all.times.concat(t.times);
    all.non2xx += t.non2xx;
    all.errors += t.errors;
  }
  return { seconds: job.seconds, kinds, all: stream(all, job.seconds), edits };
}
