/**
 * The project kanban at zone scale in a real browser (issue 16: 10 000 projects took 16 s to show).
 *
 *   node --import tsx bench/kanban-browser.ts [--db sqlite|postgres] [--runs 5]
 *
 * On the bench database of the zone scale (10 000 projects; generated or reused as `npm run bench`
 * does), it starts the built app (`npm run build:web` first), then in one run measures, one
 * request at a time:
 *   raw SQL  — the statements GET /api/projects/kanban runs (scenarios/kanban.ts), replayed;
 *   API      — GET /api/projects/kanban over HTTP (and the size of its answer);
 *   browser  — headless Chromium (playwright-core), a fresh page each run: /projects opened and its
 *              看板 tab clicked, time until the first card is visible (from the click, and from
 *              the page's opening), then a column scrolled to its end until its next page of
 *              cards has arrived (the scroll works and loads more).
 * It prints the medians with the load average (`uptime`): the machine is shared, read the figures
 * beside each other, not alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/src/app';
import { DEFAULT_DEMO_PASSWORD } from '../server/src/config';
import { hashPassword } from '../server/src/lib/secrets';
import { DEFAULT_SEED, Generation, WORLD_NOW_MS } from './generate/context';
import { BENCH_ADMIN } from './generate/tables/app-user.generator';
import {
  type BenchDb,
  DEFAULT_PG_URL,
  openBenchPostgres,
  openBenchSqlite,
  removeRunLeftovers,
} from './lib/bench-db';
import { captureStatements } from './lib/capture-sql';
import { runRawLoad } from './lib/raw-load';
import { kanbanStatements } from './scenarios/kanban';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    runs: { type: 'string', default: '5' },
  },
  strict: true,
});
const RUNS = Math.max(1, Number(values.runs));
const WEB_DIST = path.resolve(import.meta.dirname, '..', 'web', 'dist');
const CHROMIUM = process.env.LZ_CHROMIUM ?? '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

async function open(generation: Generation): Promise<BenchDb> {
  const log = (line: string) => console.log(line);
  if (values.db === 'postgres') {
    return openBenchPostgres(process.env.LZ_BENCH_PG_URL ?? DEFAULT_PG_URL, generation, log);
  }
  return openBenchSqlite(generation, log);
}

async function main() {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('no web/dist: run npm run build:web first');
  const generation = new Generation({
    seed: DEFAULT_SEED,
    scale: 'zone',
    passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD),
  });
  const bench = await open(generation);
  const startedAt = Date.now();
  const app = await buildApp({
    db: bench.db,
    logger: false,
    clock: { now: () => new Date(WORLD_NOW_MS + (Date.now() - startedAt)) },
    readWorkers: 2,
    config: {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secureCookies: false,
      trustProxy: false,
      webDist: WEB_DIST,
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no listening address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: BENCH_ADMIN, password: DEFAULT_DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('lz_session='));
    const cookieValue = session?.split(';')[0]?.slice('lz_session='.length);
    if (!cookieValue) throw new Error('login set no session cookie');

    // Raw SQL: the route's own statements, one op at a time on one connection.
    const statements = await captureStatements(bench.db, (k) => kanbanStatements(k, bench.db.dialect));
    const raw = await runRawLoad(bench.db, [statements], 3, 1);

    // API: one request at a time (a user opening the page), after one warm-up.
    const api: number[] = [];
    let bytes = 0;
    let projects = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/projects/kanban`, {
        headers: { cookie: `lz_session=${cookieValue}` },
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`kanban answered ${res.status}`);
      if (i > 0) api.push(performance.now() - t0);
      bytes = body.length;
      projects = (JSON.parse(body) as { columns: Array<{ count: number }> }).columns.reduce(
        (s, c) => s + c.count,
        0,
      );
    }

    // Browser: a fresh page each run (its own cache), first card visible, then scroll loads more.
    const firstCard: number[] = [];
    const pageToCard: number[] = [];
    const answerInBrowser: number[] = [];
    const scrolled: number[] = [];
    const directToCard: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: 'lz_session', value: cookieValue, url: baseUrl }]);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${baseUrl}/projects`);
      // The kanban is a tab of the project list (项目库): open the page, then the tab.
      const tab = page.getByTestId('projects-tab-kanban');
      await tab.waitFor();
      const t1 = performance.now();
      const answered = page
        .waitForResponse((r) => r.url().includes('/api/projects/kanban'))
        .then(() => performance.now() - t1);
      await tab.click();
      await page.getByTestId('kanban-card').first().waitFor({ state: 'visible' });
      const answer = await answered;
      const shown = performance.now() - t1;
      const fromOpen = performance.now() - t0;
      // The fullest column: scroll it to the end of what it holds; its next page must arrive.
      const column = page.getByTestId('kanban-scroll').first();
      const before = Number(await column.getAttribute('data-loaded'));
      const t2 = performance.now();
      await column.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForFunction(
        ({ loaded }) =>
          Number(document.querySelector('[data-testid="kanban-scroll"]')?.getAttribute('data-loaded')) >
          loaded,
        { loaded: before },
      );
      const more = performance.now() - t2;
      const cardsInDom = await page.getByTestId('kanban-card').count();
      if (i > 0) {
        firstCard.push(shown);
        pageToCard.push(fromOpen);
        answerInBrowser.push(answer);
        scrolled.push(more);
      }
      if (i === RUNS)
        console.log(`  cards in the DOM after the scroll: ${cardsInDom} (of ${projects} projects)`);
      // The board's own address (a link, Back, a bookmark): opened straight, the list never loads.
      const direct = await context.newPage();
      const t3 = performance.now();
      await direct.goto(`${baseUrl}/projects?view=kanban`);
      await direct.getByTestId('kanban-card').first().waitFor({ state: 'visible' });
      if (i > 0) directToCard.push(performance.now() - t3);
      await context.close();
    }

    const [load1, load5, load15] = os.loadavg().map((l) => l.toFixed(2));
    console.log(
      `\nProject kanban, zone scale (${projects} projects), ${bench.db.dialect}, ${RUNS} runs, medians:`,
    );
    console.log(`  raw SQL (${statements.length} statements)       ${raw.p50Ms.toFixed(1)} ms`);
    console.log(
      `  API GET /api/projects/kanban    ${median(api).toFixed(1)} ms  (${(bytes / 1024).toFixed(0)} KB)`,
    );
    console.log(`  browser: tab click → answer     ${median(answerInBrowser).toFixed(0)} ms`);
    console.log(`  browser: tab click → first card ${median(firstCard).toFixed(0)} ms`);
    console.log(`  browser: page open → first card ${median(pageToCard).toFixed(0)} ms`);
    console.log(`  browser: /projects?view=kanban → first card ${median(directToCard).toFixed(0)} ms`);
    console.log(`  browser: scroll → next page in  ${median(scrolled).toFixed(0)} ms`);
    console.log(`  load average ${load1} ${load5} ${load15} (${os.cpus().length} CPUs)`);
  } finally {
    await browser.close();
    await app.close();
    await removeRunLeftovers(bench.db);
    await bench.db.close();
  }
}

await main();
