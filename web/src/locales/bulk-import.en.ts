import type { bulkImportZh } from './bulk-import.zh';

/** English UI strings of the bulk firm import; typed so a missing key fails the typecheck. */
export const bulkImportEn: Record<keyof typeof bulkImportZh, string> = {
  'bulk.open': 'Bulk import (large file)',
  'bulk.title': 'Bulk firm import (large file)',
  'bulk.hint':
    'For a whole firm register (hundreds of thousands to millions of rows): CSV (UTF-8 or GBK) or xlsx with the firm template’s headers (Chinese or English, any order), up to {gb} GB.',
  'bulk.batchRule':
    'The file goes in batch by batch. Each batch is all or nothing: one bad row and none of that batch is written, while the other batches are. The report lists the bad rows: fix them and import just those rows again.',
  'bulk.closeHint':
    'The import runs on the server: closing this window does not stop it; open it again to follow it.',
  'bulk.dropHere': 'Click or drop a .csv / .xlsx file here',
  'bulk.tooLarge': 'The file is larger than {gb} GB; split it and import the parts',
  'bulk.batchSize': 'Rows per batch',
  'bulk.start': 'Upload and start',
  'bulk.uploading': 'Uploading {done} / {total} MB',
  'bulk.cancelUpload': 'Cancel upload',
  'bulk.state': 'State',
  'bulk.state.running': 'Importing',
  'bulk.state.stopping': 'Stopping (after the current batch)',
  'bulk.state.stopped': 'Stopped, can resume',
  'bulk.state.failed': 'Failed',
  'bulk.state.done': 'Done',
  'bulk.file': 'File',
  'bulk.rowsRead': 'Rows read',
  'bulk.batchesCommitted': 'Batches written',
  'bulk.batchesFailed': 'Batches not written',
  'bulk.errorRows': 'Bad rows',
  'bulk.outcome': 'Created / updated / unchanged',
  'bulk.rate': 'Speed',
  'bulk.rateValue': '{rate} rows/s',
  'bulk.committedUpTo': 'Written up to row {row}',
  'bulk.stop': 'Stop',
  'bulk.resume': 'Resume',
  'bulk.report': 'Download problem report',
  'bulk.reportFile': 'bulk-import-report',
  'bulk.new': 'New import',
};
