import iconv from 'iconv-lite';
import { decodeTextFile } from '../../intake/intake-decode';

/**
 * A streaming CSV reader for the bulk firm import: RFC 4180 (quoted fields may hold commas,
 * doubled quotes and line breaks), UTF-8 with or without a BOM, or GBK — what Excel in China saves
 * "CSV" as (read as GB18030, its superset).
 *
 * It works on bytes, not text: the structural characters (comma, quote, CR, LF) are ASCII, and in
 * both UTF-8 and GBK every byte of a multi-byte character is ≥ 0x40, so they never occur inside a
 * character. Splitting on bytes and decoding each field separately is therefore exact, and every
 * record comes with the byte offset where it ends: a resumed import seeks there instead of
 * re-reading gigabytes.
 */

export type CsvEncoding = 'utf-8' | 'gb18030';

export interface CsvRecord {
  fields: string[];
  /** Absolute byte offset right after the record (its line break included). */
  end: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** How much of the file the encoding is judged on. */
const SNIFF_BYTES = 64 * 1024;

export class CsvFormatError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * The encoding of a CSV from its first bytes, by the news-intake decoder's rules (a BOM, else strict
 * UTF-8, else GB18030 if the bytes look like Chinese text). The sample is cut after its last line
 * break so a character split by the cut does not make UTF-8 look invalid. `bom` is the number of
 * bytes to skip. Throws CsvFormatError for binary data or UTF-16 (Excel's "Unicode text").
 */
export function detectCsvEncoding(head: Buffer): { encoding: CsvEncoding; bom: number } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bom: 3 };
  }
  const lastLf = head.lastIndexOf(LF);
  const sample = head.length >= SNIFF_BYTES && lastLf > 0 ? head.subarray(0, lastLf + 1) : head;
  let detected: string;
  try {
    detected = decodeTextFile(sample).encoding;
  } catch {
    throw new CsvFormatError('文件不是文本格式的 CSV', 'The file is not a text CSV');
  }
  if (detected === 'utf-8') return { encoding: 'utf-8', bom: 0 };
  if (detected === 'gb18030') return { encoding: 'gb18030', bom: 0 };
  throw new CsvFormatError(
    `不支持 ${detected} 编码的 CSV，请另存为“CSV UTF-8”或普通 CSV`,
    `CSV in ${detected} is not supported; save it as "CSV UTF-8" or plain CSV`,
  );
}

type Decode = (buf: Buffer, start: number, end: number) => string;

function decoderFor(encoding: CsvEncoding): Decode {
  if (encoding === 'utf-8') return (buf, s, e) => buf.toString('utf8', s, e);
  return (buf, s, e) => iconv.decode(buf.subarray(s, e), 'gb18030');
}

const isDelimiter = (b: number | undefined) => b === COMMA || b === CR || b === LF;

/**
 * Parses the record starting at `start`. Returns null when the buffer ends before the record does
 * (and more bytes may come); at the end of the input (`final`) an open quote is an error.
 */
function parseRecord(
  buf: Buffer,
  start: number,
  final: boolean,
  decode: Decode,
): { fields: string[]; next: number } | null {
  const n = buf.length;
  const fields: string[] = [];
  let i = start;
  for (;;) {
    let value: string;
    if (buf[i] === QUOTE) {
      const from = i + 1;
      let j = from;
      let escaped = false;
      for (;;) {
        const q = buf.indexOf(QUOTE, j);
        if (q < 0) {
          if (final) throw new CsvFormatError('引号未闭合', 'A quoted field is not closed');
          return null;
        }
        if (q + 1 >= n && !final) return null; // a "" pair may straddle the chunks
        if (buf[q + 1] === QUOTE) {
          escaped = true;
          j = q + 2;
          continue;
        }
        value = decode(buf, from, q);
        if (escaped) value = value.replaceAll('""', '"');
        i = q + 1;
        break;
      }
      // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
      let k = i;
      while (k < n && !isDelimiter(buf[k])) k++;
      if (k >= n && !final) return null;
      if (k > i) value += decode(buf, i, k);
      i = k;
    } else {
      let k = i;
      while (k < n && !isDelimiter(buf[k])) k++;
      if (k >= n && !final) return null;
      value = decode(buf, i, k);
      i = k;
    }
    fields.push(value);
    if (i >= n) return { fields, next: n };
    const c = buf[i];
    if (c === COMMA) {
      i++;
      if (i >= n) {
        if (!final) return null;
        fields.push('');
        return { fields, next: n };
      }
      continue;
    }
    if (c === CR) {
      if (i + 1 >= n && !final) return null;
      i++;
      if (buf[i] === LF) i++;
      return { fields, next: i };
    }
    return { fields, next: i + 1 }; // LF
  }
}

/**
 * Records of a CSV byte stream that starts at absolute offset `offset` (0, or a record boundary
 * a previous run stopped at). Empty lines come through as a single empty field.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Buffer>,
  encoding: CsvEncoding,
  offset = 0,
): AsyncGenerator<CsvRecord> {
  const decode = decoderFor(encoding);
  let buf: Buffer = Buffer.alloc(0);
  let base = offset; // absolute offset of buf[0]
  for await (const chunk of chunks) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    let pos = 0;
    for (;;) {
      if (pos >= buf.length) break;
      const r = parseRecord(buf, pos, false, decode);
      if (!r) break;
      pos = r.next;
      yield { fields: r.fields, end: base + pos };
    }
    base += pos;
    buf = buf.subarray(pos);
  }
  let pos = 0;
  while (pos < buf.length) {
    const r = parseRecord(buf, pos, true, decode);
    if (!r) break;
    pos = r.next;
    yield { fields: r.fields, end: base + pos };
  }
}
