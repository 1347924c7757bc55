import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { ZipLimits } from '../../../shared/src/upload-limits';
import { AppError } from '../plugins/errors';
import { uploadErrors } from './upload-errors';

/**
 * Guards for zip-based uploads (.docx, .xlsx), read with yauzl before any document library sees
 * the file. `checkZipDirectory` reads only the central directory (cheap: the main thread runs it
 * and refuses a bomb at once); `checkZipContents` inflates every entry and counts, because
 * declared sizes can lie (the parse worker runs it before parsing).
 */

const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** The parts of a workbook that hold cell text. */
const CELL_TEXT = /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/;
const LT = 0x3c;

/** Tracks the runs of bytes without a `<` across the chunks of one entry; throws at one past `limit`. */
function textRuns(limit: number): (chunk: Buffer) => void {
  let run = 0;
  return (chunk) => {
    let from = 0;
    for (let lt = chunk.indexOf(LT); lt >= 0; lt = chunk.indexOf(LT, from)) {
      if (run + (lt - from) > limit) throw uploadErrors.textRun();
      run = 0;
      from = lt + 1;
    }
    run += chunk.length - from;
    if (run > limit) throw uploadErrors.textRun();
  };
}

/** The largest data descriptor (zip64: signature, CRC, two 8-byte sizes): all that may sit between entries. */
const MAX_DESCRIPTOR = 24;

function asUploadError(err: unknown): AppError {
  return err instanceof AppError ? err : uploadErrors.zipInvalid();
}

/** Opens with entries read on demand; a file that is not a zip (or is truncated) is a 400. */
async function openZip(source: Buffer | string): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
  try {
    return typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options);
  } catch {
    throw uploadErrors.zipInvalid();
  }
}

/** Checks one entry's declared sizes against the caps; returns its declared inflated size. */
function checkDeclared(entry: yauzl.Entry, limits: ZipLimits): number {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
    throw uploadErrors.zipInvalid();
  }
  checkSize(entry.fileName, entry.uncompressedSize, entry.compressedSize, limits);
  return entry.uncompressedSize;
}

function checkSize(name: string, inflated: number, compressed: number, limits: ZipLimits): void {
  if (inflated > limits.maxEntryBytes) throw uploadErrors.zipCap('entry', limits, name);
  if (name === SHARED_STRINGS && inflated > limits.maxSharedStringsBytes) {
    throw uploadErrors.zipCap('sharedStrings', limits);
  }
  if (inflated > limits.ratioFloorBytes && inflated / Math.max(compressed, 1) > limits.maxRatio) {
    throw uploadErrors.zipCap('ratio', limits, name);
  }
}

export interface ZipDirectory {
  entries: number;
  /** Sum of the declared inflated sizes. */
  declaredBytes: number;
}

/**
 * Reads the central directory only and refuses (413) when the entry count, an entry's declared
 * inflated size, the total or a compression ratio passes `limits`; 400 when it is not a zip.
 */
export async function checkZipDirectory(source: Buffer | string, limits: ZipLimits): Promise<ZipDirectory> {
  const zip = await openZip(source);
  try {
    // The end record says how many entries there are: a bomb of entries is refused unread.
    if (zip.entryCount > limits.maxEntries) throw uploadErrors.zipCap('entries', limits);
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += checkDeclared(entry, limits);
      if (total > limits.maxTotalBytes) throw uploadErrors.zipCap('total', limits);
    }
    return { entries: zip.entryCount, declaredBytes: total };
  } catch (err) {
    throw asUploadError(err);
  } finally {
    zip.close();
  }
}

/** Sees the bytes an entry really inflates to, chunk by chunk; a throw stops the inflating. */
function counter(onChunk: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        onChunk(chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

/**
 * Everything `checkZipDirectory` checks, then: the local headers agree with the directory (same
 * name and sizes, entries back to back, so a streaming reader that walks the local headers sees
 * exactly the listed entries and nothing hidden between them), and every entry inflates to exactly
 * its declared size (yauzl stops a stream at the first byte past it) and checksum, counted against
 * the caps as it inflates.
 */
export async function checkZipContents(
  source: Buffer | string,
  limits: ZipLimits,
  /** Which entries to inflate (default all): a bulk file inflates only the part held in memory. */
  inflate: (name: string) => boolean = () => true,
): Promise<ZipDirectory> {
  const directory = await checkZipDirectory(source, limits);
  const zip = await openZip(source);
  try {
    // Until the first entry is read, yauzl's cursor is the central directory's offset (its types
    // call the field a boolean; it is the number yauzl reads the directory from).
    const centralDirectoryOffset = Number(zip.readEntryCursor);
    if (!Number.isSafeInteger(centralDirectoryOffset)) throw uploadErrors.zipInvalid();
    const entries: Array<{ entry: yauzl.Entry; dataStart: number }> = [];
    for await (const entry of zip.eachEntry()) {
      const local = await zip.readLocalFileHeaderPromise(entry, { minimal: false });
      const streamed = (local.generalPurposeBitFlag & 0x8) !== 0;
      const localName = local.fileName.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
      if (
        localName !== entry.fileNameRaw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1') ||
        local.compressionMethod !== entry.compressionMethod ||
        (!streamed && local.compressedSize !== entry.compressedSize && local.compressedSize !== 0xffffffff)
      ) {
        throw uploadErrors.zipInvalid();
      }
      entries.push({ entry, dataStart: local.fileDataStart });
    }
    const byOffset = [...entries].sort(
      (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
    );
    if (byOffset.length > 0 && byOffset[0]?.entry.relativeOffsetOfLocalHeader !== 0) {
      throw uploadErrors.zipInvalid();
    }
    byOffset.forEach(({ entry, dataStart }, i) => {
      const next = byOffset[i + 1]?.entry.relativeOffsetOfLocalHeader ?? centralDirectoryOffset;
      const gap = next - (dataStart + entry.compressedSize);
      if (gap < 0 || gap > MAX_DESCRIPTOR) throw uploadErrors.zipInvalid();
    });

    let total = 0;
    for (const { entry } of entries) {
      if (!inflate(entry.fileName)) continue;
      let inflated = 0;
      let crc = 0;
      const runs =
        limits.maxTextRunBytes > 0 && CELL_TEXT.test(entry.fileName)
          ? textRuns(limits.maxTextRunBytes)
          : null;
      const stream = await zip.openReadStreamPromise(entry);
      await pipeline(
        stream,
        counter((chunk) => {
          inflated += chunk.length;
          total += chunk.length;
          checkSize(entry.fileName, inflated, entry.compressedSize, limits);
          if (total > limits.maxTotalBytes) throw uploadErrors.zipCap('total', limits);
          runs?.(chunk);
          crc = zlib.crc32(chunk, crc);
        }),
      );
      // A damaged entry may still inflate to the right size; its checksum tells.
      if (crc !== entry.crc32) throw uploadErrors.zipInvalid();
    }
    return directory;
  } catch (err) {
    throw asUploadError(err);
  } finally {
    zip.close();
  }
}
