// Prints the JavaScript each page loads first (gzipped): the app's entry chunk plus the page's own
// chunk, with every chunk they import statically, read from Vite's manifest. The pages used from a
// phone should stay within PHONE_BUDGET so they open on a slow connection. Over it, the report says
// so; with --enforce it also exits 1 (not yet the default: the shared antd chunks alone exceed it).
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
  'cockpit/pages/warnings-page',
];

const manifest = JSON.parse(fs.readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
const gzipSizes = new Map();
function gzipSize(file) {
  if (!gzipSizes.has(file)) gzipSizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length);
  return gzipSizes.get(file);
}
/** The chunk files a manifest entry loads before it runs (itself and its static imports). */
function closure(key, into = new Set()) {
  const entry = manifest[key];
  if (!entry || into.has(entry.file)) return into;
  into.add(entry.file);
  for (const dep of entry.imports ?? []) closure(dep, into);
  return into;
}
const total = (files) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const shell = closure(entryKey);
const rows = Object.keys(manifest)
  .filter((key) => manifest[key].isDynamicEntry && /features\/.+\/pages\//.test(key))
  .map((key) => {
    const page = key.replace(/^.*features\//, '').replace(/\.tsx$/, '');
    const files = closure(key, new Set(shell));
    return { page, bytes: total(files), phone: PHONE_PAGES.includes(page) };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

console.log(`\nFirst-load JavaScript per page (gzip; app shell ${kb(total(shell))}):`);
for (const row of rows) {
  const mark = row.phone ? (row.bytes <= PHONE_BUDGET ? '  phone ✓' : '  phone ✗ over budget') : '';
  console.log(`  ${row.page.padEnd(44)} ${kb(row.bytes).padStart(10)}${mark}`);
}
const over = rows.filter((row) => row.phone && row.bytes > PHONE_BUDGET);
const missing = PHONE_PAGES.filter((page) => !rows.some((row) => row.page === page));
if (missing.length > 0) console.warn(`phone pages not found in the build: ${missing.join(', ')}`);
if (over.length > 0) {
  console.warn(`\n${over.length} phone page(s) over the ${kb(PHONE_BUDGET)} budget\n`);
  if (process.argv.includes('--enforce')) process.exit(1);
} else {
  console.log(`phone pages within ${kb(PHONE_BUDGET)} gzipped\n`);
}
