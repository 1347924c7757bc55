/**
 * What the main thread was doing when its event loop stalled (bench/agreement-scale.ts `--stalls`):
 * a 10 ms timer notes every tick that came late by more than `minMs`, the garbage collector's
 * pauses of this thread are listed, and a CPU profile of this thread only (the inspector's
 * Profiler, not `--cpu-prof`, so the read workers run unprofiled) is cut to each stall's window:
 * the functions sampled there, or few samples at all when the thread was not running.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds on the monotonic clock V8's profiler stamps its samples with. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

export interface StallReport {
  lines: string[];
}

export async function watchStalls(minMs = 150): Promise<{ stop(file: string): Promise<StallReport> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  const t0 = nowUs();
  const stalls: Array<{ fromUs: number; toUs: number }> = [];
  let last = nowUs();
  const timer = setInterval(() => {
    const t = nowUs();
    if (t - last > (minMs + 10) * 1000) stalls.push({ fromUs: last, toUs: t });
    last = t;
  }, 10);
  const gcs: Array<{ atMs: number; ms: number; kind: number }> = [];
  // performance entries count from timeOrigin in ms; only their offsets from t0 are reported.
  const originUs = nowUs() - performance.now() * 1000;
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration >= 20)
        gcs.push({
          atMs: (originUs + e.startTime * 1000 - t0) / 1000,
          ms: e.duration,
          kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0,
        });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  return {
    async stop(file: string) {
      clearInterval(timer);
      gcObserver.disconnect();
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      const described = stalls.map((s) => describe(profile, s, t0));
      const kinds = { gc: 0, notRunning: 0, other: 0 };
      for (const d of described) kinds[d.kind]++;
      const lines = [
        `${stalls.length} stalls ≥ ${minMs} ms: ${kinds.notRunning} with the thread sampled in under a quarter of the window (not running), ${kinds.gc} mostly in its own GC, ${kinds.other} in JavaScript or native code; the longest:`,
        ...[...described]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 5)
          .map((d) => `  ${d.line}`),
      ];
      const longest = [...gcs].sort((a, b) => b.ms - a.ms).slice(0, 5);
      lines.push(
        `main-thread GC pauses ≥ 20 ms: ${gcs.length}, ${gcs.reduce((a, g) => a + g.ms, 0).toFixed(0)} ms in all; the longest: ${longest.map((g) => `${(g.atMs / 1000).toFixed(1)} s ${g.ms.toFixed(0)} ms (kind ${g.kind})`).join(', ') || 'none'}`,
      );
      return { lines };
    },
  };
}

interface Described {
  ms: number;
  kind: 'gc' | 'notRunning' | 'other';
  line: string;
}

/**
 * The functions sampled on this thread during one stall, most samples first. The profiler samples
 * every 1 ms while the thread runs (idle included): far fewer samples than milliseconds means the
 * thread (and the sampler) did not get a CPU.
 */
function describe(profile: Profile, s: { fromUs: number; toUs: number }, t0: number): Described {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map<string, number>();
  let at = profile.startTime;
  let inWindow = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < s.fromUs || at > s.toUs) continue;
    inWindow++;
    // The innermost frame, with the nearest JavaScript frame under it when that one is native.
    let id: number | undefined = profile.samples[i];
    const names: string[] = [];
    while (id !== undefined && names.length < 3) {
      const n = byId.get(id);
      if (!n) break;
      const f = n.callFrame;
      if (f.functionName !== '(root)')
        names.push(
          `${f.functionName || '(anonymous)'}${f.url ? ` ${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`,
        );
      id = parent.get(id);
    }
    const key = names.join(' < ') || '(root)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, c]) => `${c}× ${k}`)
    .join('; ');
  const ms = (s.toUs - s.fromUs) / 1000;
  const gc = counts.get('(garbage collector)') ?? 0;
  const kind = inWindow < ms / 4 ? 'notRunning' : gc >= inWindow / 2 ? 'gc' : 'other';
  return {
    ms,
    kind,
    line: `at ${((s.fromUs - t0) / 1e6).toFixed(1)} s for ${ms.toFixed(0)} ms: ${inWindow} samples of ~${ms.toFixed(0)} possible — ${top || 'none'}`,
  };
}
