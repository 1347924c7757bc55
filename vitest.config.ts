import { defineConfig } from 'vitest/config';

// Four tiers (STYLE.md #8): pure unit tests, web component tests (React in happy-dom, the API mocked),
// API tests that run the same files on SQLite and on PostgreSQL, and browser tests. `*.api.test.ts`
// files are picked up by both database projects.
// Two files at a time on this 2-core machine: each file has its own server, database copy and port,
// so they do not meet. One at a time left a core idle and took ~16 min.
// The browser tier runs after the others (its `groupOrder`), not beside them. Mixed, a worker went
// from an API file to a browser file and back, so the worker's Chromium and imports (isolate: false)
// were started again and again, and a browser file beside an API file got half a core: the e2e files
// summed 1,131 s in a mixed run against 496 s on their own, and the whole run took 724–819 s against
// 163 s for the other tiers plus 267 s for the browser tier (2026-12-07, decision 012).
export default defineConfig({
  test: {
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
    setupFiles: ['./server/src/test/fail-on-console-error.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.tsx'],
          // happy-dom, not a browser: a form's rules and what it sends, in a second or two per file.
          // How a page looks and behaves with the real server stays with the e2e tier.
          environment: 'happy-dom',
          setupFiles: ['./web/src/test/setup.ts'],
          // A test takes about a second; the margin is for a machine busy with the other tiers, where a
          // test cut off at vitest's 5 s default would keep running into the next one.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api-sqlite',
          include: ['server/src/**/*.api.test.ts'],
          env: { LZ_TEST_DB: 'sqlite' },
          // Migrated (and demo-seeded) template databases, made once per run and copied per file.
          globalSetup: ['./server/src/test/template-setup.ts'],
          // The server's modules are imported once per worker, not once per file (decision 012): each
          // file still builds its own app on its own database, and the modules keep no test state.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api-pg',
          include: ['server/src/**/*.api.test.ts'],
          env: { LZ_TEST_DB: 'postgres' },
          globalSetup: ['./server/src/test/template-setup.ts'],
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // After every other tier (see the top of this file).
          sequence: { groupOrder: 1 },
          // The demo zone loaded once with the built CLI, copied into each test file's server.
          globalSetup: ['./e2e/support/global-setup.ts'],
          // A failed test leaves a picture and the text of every open page (failure-snapshot.ts).
          setupFiles: ['./e2e/support/failure-snapshot.ts'],
          // A worker's files share its imports (playwright-core, exceljs…) and its Chromium
          // (support/browser.ts), as the API tiers share the server's modules: each file still has
          // its own server, data and browser contexts, and the e2e modules keep no per-test state.
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Under CI a failed browser test runs once more, as Playwright's own CI setting does: a
          // browser beside another test file on two cores now and then misses a 30 s wait. A test
          // that passes only on its retry is still named in the closing lines (summary-reporter.ts),
          // so a flake is seen and chased, not hidden; one that fails twice fails the run.
          retry: process.env.CI === 'true' ? 1 : 0,
        },
      },
    ],
  },
});
