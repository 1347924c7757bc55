import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** LibreOffice (Debian's libreoffice-writer-nogui) and poppler-utils render documents in tests. */
export const LIBREOFFICE = process.env.LZ_LIBREOFFICE ?? '/usr/bin/libreoffice';
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';

/**
 * True when document renders should be skipped: no LibreOffice or poppler outside CI. Under CI=true
 * a missing tool is a failure (the render throws), never a skip (.ci/run installs them).
 */
export const SKIP_OFFICE: boolean = (() => {
  if ([LIBREOFFICE, PDFTOPPM, PDFTOTEXT].every((f) => fs.existsSync(f))) return false;
  if (process.env.CI === 'true') return false;
  console.warn(
    '[skip] no libreoffice/poppler: document renders are skipped (apt-get install libreoffice-writer-nogui poppler-utils)',
  );
  return true;
})();

/**
 * Renders a .docx as LibreOffice prints it: the PDF, its text (pdftotext -layout, pages split on
 * form feeds) and a PNG of each page (pdftoppm, 50 dpi: enough to look at, quick to make).
 */
export function renderDocx(docx: string): { pdf: string; pages: string[]; pngs: string[] } {
  const dir = path.dirname(docx);
  // A profile of its own: a second LibreOffice on the machine (or a stale lock) cannot block this one.
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(
    LIBREOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const text = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' });
  const prefix = path.join(dir, 'page');
  execFileSync(PDFTOPPM, ['-png', '-r', '50', pdf, prefix]);
  const pngs = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
  return { pdf, pages: text.split('\f'), pngs };
}
