import type { readChainXlsx } from '../modules/chain/chain-xlsx-reader';
import type { readImportUpload } from '../modules/import/import-workbook';
import type { readDocxText, readPdfText } from '../modules/intake/intake-readers';

/**
 * The document readers the parse worker runs (parse-runner.ts). Each takes plain, cloneable
 * parameters (the file's bytes arrive as a Uint8Array), checks the file's inflated size itself
 * before reading, and returns plain data or throws an AppError (a refusal the client sees).
 */

const intake = () => import('../modules/intake/intake-readers');
const workbook = () => import('../modules/import/import-workbook');
const chain = () => import('../modules/chain/chain-xlsx-reader');

/**
 * Loads every reader (pdf.js, mammoth, exceljs and our TypeScript around them take a second or so):
 * a spare worker does it while it waits, so an upload does not.
 */
export async function preloadReaders(): Promise<void> {
  await Promise.all([intake().then((m) => m.preloadPdfjs()), workbook(), chain()]);
}

export const PARSE_TASKS = {
  /** News intake: the text of a .docx. */
  docxText: async (p: Parameters<typeof readDocxText>[0]) => (await intake()).readDocxText(p),
  /** News intake: the text layer of a .pdf. */
  pdfText: async (p: Parameters<typeof readPdfText>[0]) => (await intake()).readPdfText(p),
  /** Excel import: the first sheet's header and data rows (streamed, row and cell caps). */
  importSheet: async (p: Parameters<typeof readImportUpload>[0]) => (await workbook()).readImportUpload(p),
  /** Chain import: the chain file object from sheets 产业链 and 环节. */
  chainXlsx: async (p: Parameters<typeof readChainXlsx>[0]) => (await chain()).readChainXlsx(p),
} as const;

export type ParseTaskName = keyof typeof PARSE_TASKS;
export type ParseTaskParams<K extends ParseTaskName> = Parameters<(typeof PARSE_TASKS)[K]>[0];
export type ParseTaskResult<K extends ParseTaskName> = Awaited<ReturnType<(typeof PARSE_TASKS)[K]>>;
