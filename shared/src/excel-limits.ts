/**
 * Limits of the Excel import and export (issue 3, "Excel in and out"), shared so the web can say
 * them before the server refuses.
 */
export const IMPORT_LIMITS = {
  /**
   * Largest upload. A 50k-row firm sheet is about 4 MB (xlsx is zipped XML), so 20 MB holds the
   * biggest import we plan for with room to spare, while a stray archive or video is refused early.
   */
  maxFileBytes: 20 * 1024 * 1024,
  /** Most data rows in one file: twice the 50k a zone loads at once; beyond that, split the file. */
  maxRows: 100_000,
} as const;

export const EXPORT_LIMITS = {
  /**
   * Most rows in one export. Exports are not paged, and 200k rows (~20 MB of xlsx) is what Excel
   * and WPS still open comfortably; a bigger list is cut there and the file says so.
   */
  maxRows: 200_000,
} as const;

/** What an import file holds (firms, leads or projects); also the `kind` of its template. */
export const IMPORT_KINDS = ['firm', 'lead', 'project'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
