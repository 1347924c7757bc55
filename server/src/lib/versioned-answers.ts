/**
 * Answers of a read route kept as the bytes sent, each with the data version it was computed at
 * (db/data-version.ts), and served again only while the version still reads the same: a list
 * page that 10 officers open in the same minute is computed once, and any committed write
 * anywhere makes every kept answer a miss. Never a stale answer: the version is read *before*
 * computing, so a write that lands during the computation leaves the answer under an old version
 * that no later request matches.
 *
 * Memory: bounded by bytes (least recently used out first); every page goes at the first request
 * that reads a new version (none of them can be served again), and a page nobody asked for in
 * `idleMs` goes too, so the process's memory returns near idle after a load. The key must name everything the answer depends on besides the data: the route, its validated
 * query, the caller's scope and the day (late milestones count against today).
 */
export interface AnswerStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

interface Entry {
  version: string;
  body: Buffer;
  /** performance.now() when last sent. */
  usedAt: number;
}

export class VersionedAnswers {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private lastVersion: string | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  /** `maxBytes` 0 turns the cache off: every answer is computed. */
  constructor(
    private readonly maxBytes: number,
    private readonly idleMs = 120_000,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The answer's JSON bytes: kept ones when `version()` still reads what it read for them. */
  async answer(
    key: string,
    version: () => Promise<string>,
    compute: () => Promise<unknown>,
  ): Promise<Buffer> {
    if (!this.enabled) return Buffer.from(JSON.stringify(await compute()));
    const now = await version();
    if (now !== this.lastVersion) {
      // Written since: no kept page can be served again.
      this.lastVersion = now;
      this.clear();
    }
    const kept = this.entries.get(key);
    if (kept && kept.version === now) {
      this.hits++;
      kept.usedAt = performance.now();
      // Map keeps insertion order: re-inserting makes the first key the least recently used.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.body;
    }
    this.misses++;
    const body = Buffer.from(JSON.stringify(await compute()));
    // A write read by another request meanwhile: this answer can never be served again.
    if (now === this.lastVersion) this.keep(key, { version: now, body, usedAt: performance.now() });
    return body;
  }

  /** Drops every kept answer and stops the idle sweep (the app's close). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /** Drops the answers nobody asked for in `idleMs`. */
  sweepIdle(at = performance.now()): void {
    for (const [k, e] of this.entries) {
      if (at - e.usedAt < this.idleMs) continue;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
    if (this.entries.size === 0) this.clear();
  }

  stats(): AnswerStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  private keep(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    // One answer larger than the whole budget is sent but not kept.
    if (entry.body.length > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    // Unref'd: a sweep never keeps the process alive.
    this.sweeper ??= setInterval(() => this.sweepIdle(), this.idleMs / 2).unref();
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }
}
