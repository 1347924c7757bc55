// The .docx and .pdf readers of news intake. They run in the parse worker (server/src/upload), never
// on the main thread: each checks the file's inflated size first, then reads it, and refuses a text
// longer than the intake cap before sending it back.

import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { INTAKE_LIMITS } from '../../../../shared/src/intake';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { AppError } from '../../plugins/errors';
import { checkPdfStreams } from '../../upload/pdf-guard';
import { checkZipContents } from '../../upload/zip-guard';
import { intakeErrors, refuse } from './intake-errors';

/** A blank one-page PDF (pdf.js rebuilds the missing cross-reference table). */
const BLANK_PDF =
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
  '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';

/**
 * Loads pdf.js and its own worker code ahead of need by reading a blank page (unpdf and pdf.js load
 * them on first use, ~1–2 s): a spare parse worker calls this while it waits for a file.
 */
export async function preloadPdfjs(): Promise<void> {
  const pdf = await getDocumentProxy(new TextEncoder().encode(BLANK_PDF), { verbosity: 0 });
  await extractText(pdf, { mergePages: false });
  await pdf.loadingTask.destroy();
}

/** Bytes as they arrive in a worker (a Buffer is cloned as a plain Uint8Array). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function capped(text: string): string {
  // checkText applies the exact cap to the normalised text; this only keeps a runaway text in the worker.
  if (text.length > INTAKE_LIMITS.maxTextChars * 2) throw intakeErrors.tooLong(text.length);
  return text;
}

/** The text of a .docx (mammoth), after every zip entry was inflated and counted against the caps. */
export async function readDocxText({ bytes }: { bytes: Uint8Array }): Promise<string> {
  const buffer = asBuffer(bytes);
  await checkZipContents(buffer, UPLOAD_LIMITS.docx);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw intakeErrors.unreadable('Word (.docx) ');
  }
  return capped(text);
}

/** The text layer of a .pdf (pdf.js through unpdf), after its streams were inflated and counted. */
export async function readPdfText({ bytes }: { bytes: Uint8Array }): Promise<string> {
  checkPdfStreams(asBuffer(bytes));
  let pages: string[];
  try {
    // verbosity 0: pdf.js reports errors only (no "Warning: …" lines in the server log).
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      if (pdf.numPages > INTAKE_LIMITS.maxPdfPages) {
        throw refuse(
          'INTAKE_PDF_TOO_MANY_PAGES',
          `PDF 超过 ${INTAKE_LIMITS.maxPdfPages} 页，请只上传相关页面`,
          `The PDF has more than ${INTAKE_LIMITS.maxPdfPages} pages; upload the pages that matter`,
        );
      }
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.loadingTask.destroy().catch(() => undefined);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw intakeErrors.unreadable('PDF ');
  }
  const text = pages.join('\n\n');
  if (text.replace(/\s+/g, '') === '') throw intakeErrors.pdfNoText();
  return capped(text);
}
