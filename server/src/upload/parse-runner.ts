import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UPLOAD_LIMITS } from '../../../shared/src/upload-limits';
import { processAlive } from '../lib/process-alive';
import { AppError, type FieldError } from '../plugins/errors';
import type { ParseTaskName, ParseTaskParams, ParseTaskResult } from './parse-tasks';
import { uploadErrors } from './upload-errors';

/**
 * Runs a document reader (mammoth, pdf.js, exceljs) in a worker thread of its own, one file at a
 * time: the event loop stays free while it reads, the thread's heap is capped, a time limit and a
 * watch on the process's resident memory (pdf.js and zlib allocate outside the heap) stop it, and
 * when it ends all it allocated goes with it, so the server's memory returns to its idle level.
 */

/** What the worker sends back: the task's result, a refusal (an AppError as data) or a crash. */
export type ParseReply =
  | { ready: true }
  | { ok: true; result: unknown }
  | {
      ok: false;
      refusal?: { status: number; code: string; message: { zh: string; en: string }; fields: FieldError[] };
      crash?: string;
    };

/** Heap of the reader's thread: the 100,000-row import peaked at ~350 MB of resident memory; twice a bomb's worth is not. */
const HEAP_MB = 512;
/** How often the resident memory is sampled while a reader runs. */
const WATCH_EVERY_MS = 50;
/** Files waiting for the reader; more than this at once is refused (503) rather than queued. */
const MAX_WAITING = 16;

/**
 * Where the worker's code is: next to this file. Under tsx (development, tests) it is TypeScript,
 * which a new thread cannot load by itself, so a small .mjs registers tsx first; compiled to
 * JavaScript the worker file is loaded directly.
 */
function workerUrl(): URL {
  const self = import.meta.url;
  if (/\.[cm]?ts$/.test(self)) {
    // The API tests run this file as TypeScript, and tsx compiling the readers in every new thread
    // cost them seconds per upload; the test setup names the compiled worker when the build in
    // dist/server is current (scripts/server-build-state.mjs), so the same code runs, compiled.
    const compiled = process.env.LZ_TEST_COMPILED_PARSE_WORKER;
    if (compiled) return pathToFileURL(compiled);
    return new URL('./parse-worker-entry.mjs', self);
  }
  return new URL(`./parse-worker${self.slice(self.lastIndexOf('.'))}`, self);
}

/**
 * A started thread waiting for the next file: starting one (tsx in development, the module graph)
 * takes up to a second or two, which the next upload should not wait for. Each file still gets a
 * fresh thread; the spare is replaced as soon as it is taken.
 */
let spare: Worker | null = null;
/** Settles when the spare has loaded its readers (tests measure memory after it). */
let spareReady: Promise<void> = Promise.resolve();

/** Where each reader thread's temp folder is made: `lianzhao-parse-<pid>-…` in the system's temp folder. */
export const PARSE_TEMP_PREFIX = path.join(os.tmpdir(), `lianzhao-parse-${process.pid}-`);

let swept = false;

/**
 * The temp folders of processes that are gone: a process that exits (or is killed) does not wait for
 * its threads' exit events, so its last spare's folder stays. Removed once, when this process starts
 * its first reader.
 */
function sweepOnce(): void {
  if (swept) return;
  swept = true;
  const dir = os.tmpdir();
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(/^lianzhao-parse-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * A thread's temp folder is its own (its TMPDIR) and is removed when the thread is gone. exceljs's
 * streaming reader copies a worksheet stored before the shared strings (as Excel writes files) to a
 * temp file and removes it only if its iteration runs to the end; a reader stopped early (the first
 * sheet only, a refusal, a time or memory limit) left that copy — up to the sheet's inflated size —
 * in /tmp for good, since a terminated thread runs no exit handlers.
 */
function startWorker(): Worker {
  sweepOnce();
  const temp = fs.mkdtempSync(PARSE_TEMP_PREFIX);
  const worker = new Worker(workerUrl(), {
    env: { ...process.env, TMPDIR: temp },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  worker.once('exit', () => {
    // In an event handler a throw would take the server down: a folder that cannot go is reported.
    try {
      fs.rmSync(temp, { recursive: true, force: true });
    } catch (err) {
      process.emitWarning(`parse worker's temp folder ${temp} was not removed: ${String(err)}`);
    }
  });
  // An idle spare must not keep the process alive (tests, the CLI).
  worker.unref();
  return worker;
}

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = null;
  setImmediate(() => {
    if (spare) return;
    const next = startWorker();
    spareReady = new Promise<void>((resolve) => {
      next.once('message', () => resolve());
      next.once('exit', () => {
        if (spare === next) spare = null;
        resolve();
      });
    });
    spare = next;
  });
  return worker;
}

let running = false;
/** Threads ended but maybe not yet gone (their memory is released when they are). */
const ending = new Set<Promise<number>>();
const waiting: Array<() => void> = [];

async function takeTurn(): Promise<void> {
  if (!running) {
    running = true;
    return;
  }
  if (waiting.length >= MAX_WAITING) throw uploadErrors.busy();
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function passTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else running = false;
}

export interface ParseOutcome {
  /** Wall time of the run, start of the thread to its answer (ms). */
  ms: number;
  /** Highest resident memory of the process seen during the run, above where it started (bytes). */
  peakRssGrowth: number;
}

/** The last run's figures (for the bench and the tests' report). */
export const lastParse: ParseOutcome = { ms: 0, peakRssGrowth: 0 };

/**
 * Runs `name` with `params` in a fresh worker thread. Resolves with the task's result; rejects with
 * the task's own AppError (a refusal), or a 413 when the thread ran out of time or memory, or a 400
 * when it crashed on the file.
 */
export async function runParseTask<K extends ParseTaskName>(
  name: K,
  params: ParseTaskParams<K>,
): Promise<ParseTaskResult<K>> {
  await takeTurn();
  try {
    return (await runInWorker(name, params)) as ParseTaskResult<K>;
  } finally {
    passTurn();
  }
}

/**
 * Resolves when every ended parse worker is gone and the spare has loaded: the steady state, in
 * which tests measure the process's memory.
 */
export async function parseWorkersSettled(): Promise<void> {
  while (ending.size > 0) await Promise.allSettled([...ending]);
  await spareReady;
}

function runInWorker(name: ParseTaskName, params: unknown): Promise<unknown> {
  const started = Date.now();
  const rssAtStart = process.memoryUsage.rss();
  let peak = 0;
  const worker = takeWorker();
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      lastParse.ms = Date.now() - started;
      lastParse.peakRssGrowth = peak;
      const gone = worker.terminate();
      ending.add(gone);
      void gone.finally(() => ending.delete(gone));
      fn();
    };
    const timer = setTimeout(
      () => settle(() => reject(uploadErrors.parseTimeout())),
      UPLOAD_LIMITS.maxParseSeconds * 1000,
    );
    const watch = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss() - rssAtStart);
      if (peak > UPLOAD_LIMITS.maxParseMemoryMb * 1024 * 1024) {
        settle(() => reject(uploadErrors.parseMemory()));
      }
    }, WATCH_EVERY_MS);
    worker.on('message', (reply: ParseReply) => {
      if ('ready' in reply) return;
      settle(() => {
        if (reply.ok) resolve(reply.result);
        else if (reply.refusal) {
          const r = reply.refusal;
          reject(new AppError(r.status, r.code, r.message, r.fields));
        } else {
          // Not the file's fault as far as we know (a reader threw something unexpected): say so in the log.
          process.emitWarning(`parse worker ${name} failed: ${reply.crash ?? 'unknown'}`);
          reject(uploadErrors.parseFailed());
        }
      });
    });
    worker.once('error', (err: Error & { code?: string }) => {
      settle(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return reject(uploadErrors.parseMemory());
        process.emitWarning(`parse worker ${name} crashed: ${err.message}`);
        reject(uploadErrors.parseFailed());
      });
    });
    worker.once('exit', () => settle(() => reject(uploadErrors.parseFailed())));
    worker.postMessage({ name, params });
  });
}
