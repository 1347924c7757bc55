import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that any CI log reader understands,
 * followed by how long each tier took: the steps before the tests (LZ_STEP_SECONDS, set by
 * scripts/check.mjs), then each vitest project's time (the sum of its files' own times: import,
 * setup, tests; vitest interleaves the projects' files, so a project has no span of its own), then the
 * whole test run.
 */
/** The first line of a stack that points into a test file (where the attempt failed). */
function stackLine(stack: string | undefined): string {
  const at = stack?.split('\n').find((l) => /\.test\.tsx?:\d+/.test(l));
  return at ? ` (${at.trim().replace(`${process.cwd()}/`, '')})` : '';
}

export default class SummaryReporter implements Reporter {
  private runStart = performance.now();
  /** Milliseconds per project, in the order the projects first finished a file. */
  private tiers = new Map<string, number>();

  onTestRunStart(): void {
    this.runStart = performance.now();
    this.tiers.clear();
  }

  onTestModuleEnd(mod: TestModule): void {
    const d = mod.diagnostic();
    const spent =
      d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
    const name = mod.project.name;
    this.tiers.set(name, (this.tiers.get(name) ?? 0) + spent);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const flaky: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (test.diagnostic()?.flaky) {
          // What failed the first time, so a flake can be chased from the CI log alone.
          const first = test.result().errors?.[0];
          const why = first
            ? ` — first attempt: ${(first.message ?? '').split('\n')[0]}${stackLine(first.stack)}`
            : '';
          flaky.push(`${mod.moduleId.replace(`${process.cwd()}/`, '')} > ${test.name}${why}`);
        }
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    // An unhandled error fails the run even when every test passed: count it as a failure.
    failed += unhandledErrors.length;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const times = (process.env.LZ_STEP_SECONDS ?? '')
      .split(' ')
      .filter(Boolean)
      .map((step) => step.replace('=', ' ').concat(' s'));
    const order = ['unit', 'web', 'api-sqlite', 'api-pg', 'e2e'];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    for (const [name, ms] of [...this.tiers].sort((a, b) => rank(a[0]) - rank(b[0]))) {
      times.push(`${name} ${seconds(ms)}`);
    }
    times.push(`tests ${seconds(performance.now() - this.runStart)}`);
    // A test that passed only on its retry (the e2e tier retries once under CI): named above the
    // closing line, never hidden; the closing line itself keeps its plain form for log readers.
    for (const name of flaky) process.stdout.write(`\nflaky (passed on its retry): ${name}`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped · ${times.join(' · ')}\n`);
  }
}
