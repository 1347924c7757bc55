// Prints the JavaScript each page loads first: the app's entry chunk plus the page's own chunk, with
// every chunk they import statically, read from Vite's manifest — gzipped and as brotli, the bytes
// the server sends (scripts/precompress-web.mjs writes both; fastify-static picks by Accept-Encoding).
// The pages used from a phone should stay within PHONE_BUDGET so they open on a slow connection.
// The budget is checked on gzip, the word (issue 17) and what every browser and proxy takes;
// brotli, what phones get over HTTPS, is printed beside it and is smaller. Over budget, the report
// says so; with --enforce it also exits 1.
// Usage: node scripts/report-bundle-size.mjs [--enforce] (after `vite build`; `npm run build:web` runs it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '../web/dist');
/** 300 KB gzipped: about 6 s on a slow 3G link (400 kbit/s), the most a field visit should wait. */
const PHONE_BUDGET = 300 * 1024;
/** The pages the field work of issue 17 happens on (firm, officer, department, leader). */
const PHONE_PAGES = [
  'home/pages/home-page',
  'inbox/pages/inbox-page',
  'round/pages/round-detail-page',
  'lead/pages/lead-detail-page',
  'project/pages/project-detail-page',
  'request/pages/request-detail-page',
  'request/pages/requests-page',
  'cockpit/pages/cockpit-page',
  'cockpit/pages/warnings-page',
  'lead/pages/leads-page',
  'project/pages/projects-page',
];

const manifest = JSON.parse(fs.readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
const sizes = new Map();
/** [gzip, brotli] bytes of one file: the copies precompress-web.mjs wrote, or compressed here alike. */
function sizeOf(file) {
  const full = path.join(DIST, file);
  if (!sizes.has(file) && fs.existsSync(`${full}.br`) && fs.existsSync(`${full}.gz`)) {
    sizes.set(file, [fs.statSync(`${full}.gz`).size, fs.statSync(`${full}.br`).size]);
  }
  if (!sizes.has(file)) {
    const body = fs.readFileSync(full);
    const brotli = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
    });
    sizes.set(file, [zlib.gzipSync(body, { level: 9 }).length, brotli.length]);
  }
  return sizes.get(file);
}
/** The chunk files a manifest entry loads before it runs (itself and its static imports). */
function closure(key, into = new Set()) {
  const entry = manifest[key];
  if (!entry || into.has(entry.file)) return into;
  into.add(entry.file);
  for (const dep of entry.imports ?? []) closure(dep, into);
  return into;
}
const total = (files, which) => [...files].reduce((sum, file) => sum + sizeOf(file)[which], 0);
const GZIP = 0;
const BROTLI = 1;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const shell = closure(entryKey);
const rows = Object.keys(manifest)
  .filter((key) => manifest[key].isDynamicEntry && /features\/.+\/pages\//.test(key))
  .map((key) => {
    const page = key.replace(/^.*features\//, '').replace(/\.tsx$/, '');
    const files = closure(key, new Set(shell));
    return {
      page,
      gzip: total(files, GZIP),
      brotli: total(files, BROTLI),
      phone: PHONE_PAGES.includes(page),
    };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

console.log(
  `\nFirst-load JavaScript per page (app shell: gzip ${kb(total(shell, GZIP))}, brotli ${kb(total(shell, BROTLI))}):`,
);
console.log(`  ${'page'.padEnd(44)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const row of rows) {
  const mark = row.phone ? (row.gzip <= PHONE_BUDGET ? '  phone ✓' : '  phone ✗ over budget') : '';
  console.log(`  ${row.page.padEnd(44)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}${mark}`);
}
const over = rows.filter((row) => row.phone && row.gzip > PHONE_BUDGET);
const missing = PHONE_PAGES.filter((page) => !rows.some((row) => row.page === page));
if (missing.length > 0) console.warn(`phone pages not found in the build: ${missing.join(', ')}`);
if (over.length > 0) {
  console.warn(`\n${over.length} phone page(s) over the ${kb(PHONE_BUDGET)} budget (gzip)\n`);
  if (process.argv.includes('--enforce')) process.exit(1);
} else {
  console.log(`phone pages within ${kb(PHONE_BUDGET)} (gzip)\n`);
}
