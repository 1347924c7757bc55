/**
 * Caps on what an uploaded document may unpack to (issue 11: a 915 KB .docx that inflated to 300 MB
 * took the server down). The upload size caps stay where they were (INTAKE_LIMITS, IMPORT_LIMITS);
 * these bound the work a small file can ask for. Shared so the web can say them.
 */

/** Limits of one zip-based file (.docx, .xlsx), checked on the central directory and again while inflating. */
export interface ZipLimits {
  /** Most entries: a real .docx has ~20, a workbook ~10 plus one per sheet. */
  maxEntries: number;
  /** Most bytes any one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /**
   * Highest inflated/compressed ratio of an entry larger than `ratioFloorBytes`: real XML packs
   * 5–20×, a run of zeros ~1000×, so 100 refuses bombs and passes real files with room.
   */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Most bytes of xl/sharedStrings.xml: the streaming reader keeps every shared string in memory. */
  maxSharedStringsBytes: number;
  /**
   * Longest run of text (bytes without a `<`) in a sheet or the shared strings, 0 for no check: a
   * cell within Excel's 32,767 characters is under 1 MB of XML however it is escaped, so a longer
   * run is a cell past the cap, refused while inflating instead of after parsing it whole.
   */
  maxTextRunBytes: number;
}

const MB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /**
   * A Word file for news intake: 300,000 characters (the intake text cap) are ~15 MB of
   * document.xml even with heavy formatting, so 32 MB per entry and 64 MB in all leave room.
   */
  docx: {
    maxEntries: 1000,
    maxEntryBytes: 32 * MB,
    maxTotalBytes: 64 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
    maxSharedStringsBytes: 0,
    maxTextRunBytes: 0,
  },
  /**
   * A workbook for the Excel and chain imports: 100,000 firm rows (IMPORT_LIMITS.maxRows) measured
   * 67 MB of sheet XML and 40 MB of shared strings, so these caps are ~3× that.
   */
  xlsx: {
    maxEntries: 1000,
    maxEntryBytes: 256 * MB,
    maxTotalBytes: 384 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
    maxSharedStringsBytes: 128 * MB,
    maxTextRunBytes: MB,
  },
  /**
   * A chain workbook (200 links at most): its sheets are well under 1 MB of XML; it is read whole,
   * so these caps keep that small.
   */
  chainXlsx: {
    maxEntries: 100,
    maxEntryBytes: 16 * MB,
    maxTotalBytes: 32 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
    maxSharedStringsBytes: 8 * MB,
    maxTextRunBytes: MB,
  },
  /**
   * A bulk firm file (up to 2 GB, read in batches as a stream): sheets may be as large as the
   * upload allows, but the shared strings are held whole, and the ratio still tells a bomb.
   */
  bulkXlsx: {
    maxEntries: 1000,
    maxEntryBytes: 64 * 1024 * MB,
    maxTotalBytes: 64 * 1024 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
    maxSharedStringsBytes: 256 * MB,
    maxTextRunBytes: MB,
  },
  /**
   * A KMZ or zipped shapefile of plot outlines (issue 18): a county's parcels are a few MB of .shp
   * and .dbf or of KML; read whole, so the caps stay small.
   */
  geoZip: {
    maxEntries: 100,
    maxEntryBytes: 64 * MB,
    maxTotalBytes: 128 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
    maxSharedStringsBytes: 0,
    maxTextRunBytes: 0,
  },
  /** Characters in one spreadsheet cell: Excel's own limit (32,767); a longer cell is not from Excel. */
  maxCellChars: 32_767,
  /**
   * Bytes one PDF stream (page content, font, cmap; images are not read for text) may inflate to:
   * a dense page's content is under 1 MB and an embedded CJK font ~15 MB.
   */
  maxPdfStreamBytes: 32 * MB,
  /**
   * Bytes one stream marked as an image may inflate to: text reading skips images, but the mark
   * is the file's word; a 300-dpi colour page scan is ~26 MB raw.
   */
  maxPdfImageBytes: 128 * MB,
  /** Bytes all of a PDF's streams may inflate to: 300 pages with their fonts and pictures, with room. */
  maxPdfInflatedBytes: 512 * MB,
  /**
   * Seconds a file may take to read (off the event loop, so only a backstop): the largest import
   * (100,000 rows) took 7–14 s on a busy 2-core machine, a long report under 5 s.
   */
  maxParseSeconds: 60,
  /**
   * Growth of the server's resident memory (MB) while one file is read before the reader is stopped:
   * the 100,000-row import peaked at 350–450 MB, and pdf.js allocates outside the heap cap.
   */
  maxParseMemoryMb: 768,
} as const satisfies Record<string, ZipLimits | number>;
