import zlib from 'node:zlib';
import { UPLOAD_LIMITS } from '../../../shared/src/upload-limits';
import { uploadErrors } from './upload-errors';

/**
 * pdf.js inflates a FlateDecode stream whole, into memory outside the JavaScript heap (a worker's
 * heap limit does not see it): a 408 KB PDF asked for 400 MB. So before pdf.js opens a file, every
 * stream is inflated here with a byte cap, from its `stream` keyword on (never trusting /Length or
 * where an `endstream` seems to be), and the file is refused when one stream or all of them together
 * unpack past the caps. Data that is not zlib (other filters, damage) is left to pdf.js.
 */

const STREAM_KEYWORD = /(?<!end)stream\r?\n/g;
/** A stream's dictionary ends right before its keyword; 4 KB back is more than any holds. */
const DICT_WINDOW = 4096;
const IMAGE = /\/Subtype\s*\/Image\b/;

/** Bytes the zlib data at `from` inflates to, at most `cap` + 1; null when it is not zlib data. */
function inflatedSize(bytes: Buffer, from: number, cap: number): number | null {
  try {
    return zlib.inflateSync(bytes.subarray(from), {
      maxOutputLength: cap + 1,
      // A stream cut short is read as far as it goes, as pdf.js does; data after its end is ignored.
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    }).length;
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? cap + 1 : null;
  }
}

/** Refuses (413) a PDF whose streams inflate past UPLOAD_LIMITS' PDF caps. */
export function checkPdfStreams(bytes: Buffer): { streams: number; inflatedBytes: number } {
  const text = bytes.toString('latin1');
  let total = 0;
  let streams = 0;
  for (const match of text.matchAll(STREAM_KEYWORD)) {
    const dict = text.slice(Math.max(0, match.index - DICT_WINDOW), match.index);
    const own = dict.slice(dict.lastIndexOf('obj') + 1);
    const perStream = IMAGE.test(own) ? UPLOAD_LIMITS.maxPdfImageBytes : UPLOAD_LIMITS.maxPdfStreamBytes;
    const left = UPLOAD_LIMITS.maxPdfInflatedBytes - total;
    const cap = Math.min(perStream, left);
    const size = inflatedSize(bytes, match.index + match[0].length, cap);
    if (size === null) continue;
    if (size > cap) throw uploadErrors.pdfStream(cap === left);
    streams++;
    total += size;
  }
  return { streams, inflatedBytes: total };
}
