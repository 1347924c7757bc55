import type { Reporter, TestModule } from 'vitest/node';

interface TierTime {
  /** From the first file's start to the last file's end (tiers may overlap). */
  start: number;
  end: number;
}

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that any CI log reader understands,
 * followed by how long each tier took: the steps before the tests (LZ_STEP_SECONDS, set by
 * scripts/check.mjs) and each vitest project from its first file's start to its last file's end.
 */
export default class SummaryReporter implements Reporter {
  private runStart = performance.now();
  private tiers = new Map<string, TierTime>();

  onTestRunStart(): void {
    this.runStart = performance.now();
    this.tiers.clear();
  }

  onTestModuleEnd(mod: TestModule): void {
    const end = performance.now();
    const d = mod.diagnostic();
    // A file's own time: environment, import and collection, setup files, its tests.
    const spent =
      d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    const name = mod.project.name;
    const tier = this.tiers.get(name);
    const start = Math.max(this.runStart, end - spent);
    if (!tier) this.tiers.set(name, { start, end });
    else {
      tier.start = Math.min(tier.start, start);
      tier.end = Math.max(tier.end, end);
    }
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    // An unhandled error fails the run even when every test passed: count it as a failure.
    failed += unhandledErrors.length;
    const times = (process.env.LZ_STEP_SECONDS ?? '')
      .split(' ')
      .filter(Boolean)
      .map((step) => step.replace('=', ' ').concat(' s'));
    // In the order the tiers started (unit, the databases, the browser when run one after another).
    const tiers = [...this.tiers].sort((a, b) => a[1].start - b[1].start);
    for (const [name, t] of tiers) times.push(`${name} ${((t.end - t.start) / 1000).toFixed(1)} s`);
    times.push(`tests ${((performance.now() - this.runStart) / 1000).toFixed(1)} s`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped · ${times.join(' · ')}\n`);
  }
}
