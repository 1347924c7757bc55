import { z } from 'zod';
import { IMPORT_KINDS } from '../excel-limits';

/** Excel imports (导入) and the bulk firm import: the jobs the progress requests answer. */

/** `GET /api/import/:jobId`: an import runs in the background and reports its progress. */
export const importJobSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['running', 'failed', 'done']),
  fileName: z.string().nullable(),
  processed: z.number().int(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** `GET /api/imports/firms/bulk/:id`: a bulk firm import's batches, counts and where it can resume. */
export const bulkJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'failed', 'done']),
  /** A stopped or failed job continues where it ended (same file, same job). */
  resumable: z.boolean(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  batchSize: z.number().int(),
  rowsRead: z.number().int(),
  batchesCommitted: z.number().int(),
  batchesFailed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorRows: z.number().int(),
  /** The last file row of the last finished batch, and (CSV) the byte offset after it. */
  resumeRow: z.number().int(),
  resumeByte: z.number().int(),
  fileBytes: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkJob = z.infer<typeof bulkJobSchema>;
