// Turns what an officer submits (pasted text, or a .txt/.docx/.pdf upload) into one plain text the
// extractor reads, or refuses it with a message a person can act on. Nothing here touches the database.

import iconv from 'iconv-lite';
import { INTAKE_LIMITS, type IntakeSourceKind } from '../../../../shared/src/intake';
import { UPLOAD_LIMITS } from '../../../../shared/src/upload-limits';
import { AppError } from '../../plugins/errors';
import { runParseTask } from '../../upload/parse-runner';
import { checkZipDirectory } from '../../upload/zip-guard';
import { intakeErrors } from './intake-errors';

export interface DecodedText {
  text: string;
  kind: IntakeSourceKind;
  /** How a .txt was read (utf-8, utf-16le, gb18030); null for other kinds. */
  encoding: string | null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc/.xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Which reader a file needs: by its first bytes, falling back to the extension. */
export function sniffKind(fileName: string | null, bytes: Uint8Array): IntakeSourceKind | 'unsupported' {
  const ext = (fileName ?? '').toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) return ext === '.docx' || ext === '' ? 'docx' : 'unsupported';
  if (startsWith(bytes, OLE)) return 'unsupported';
  if (ext === '.pdf' || ext === '.docx') return ext === '.pdf' ? 'pdf' : 'docx';
  if (ext === '' || ext === '.txt' || ext === '.text' || ext === '.md') return 'txt';
  return 'unsupported';
}

/**
 * Decodes a .txt: a BOM says the encoding; otherwise strict UTF-8, and when that fails GB18030 (a
 * superset of GBK and GB2312, what Chinese Windows saves "ANSI" text as). NUL bytes without a UTF-16
 * BOM mean a binary file.
 */
export function decodeTextFile(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) throw intakeErrors.notText();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // GB18030 decodes almost any byte string, so check the bytes look like Chinese text first.
    if (gb2312Share(bytes) < 0.8) throw intakeErrors.notText();
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * Share of the double-byte pairs that fall in GB2312 (the 6,763 common hanzi and the usual
 * punctuation, lead byte A1–F7, trail A1–FE). Real GBK news is almost all GB2312; random bytes
 * land there about a third of the time.
 */
export function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) break;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return pairs === 0 ? 1 : common / pairs;
}

/** A damaged file keeps intake's own message; the caps' refusals (413) pass through as they are. */
function unreadableAs(what: string) {
  return (err: unknown): never => {
    const code = err instanceof AppError ? err.code : null;
    if (code === 'UPLOAD_ZIP_INVALID' || code === 'UPLOAD_UNREADABLE') throw intakeErrors.unreadable(what);
    throw err;
  };
}

/**
 * Reads an uploaded file into text by its kind; refusals are 400s (413 when the file unpacks to more
 * than the caps) with a bilingual message. .docx and .pdf are read in the parse worker (time and
 * memory capped); a .docx's zip directory is checked here first, so a bomb is refused unread.
 */
export async function decodeUpload(fileName: string | null, bytes: Buffer): Promise<DecodedText> {
  if (bytes.length === 0) throw intakeErrors.empty();
  const kind = sniffKind(fileName, bytes);
  if (kind === 'unsupported') throw intakeErrors.unsupported();
  if (kind === 'pdf') {
    if (!startsWith(bytes, PDF)) throw intakeErrors.unreadable('PDF ');
    const text = await runParseTask('pdfText', { bytes }).catch(unreadableAs('PDF '));
    return { text, kind, encoding: null };
  }
  if (kind === 'docx') {
    if (!startsWith(bytes, ZIP)) throw intakeErrors.unreadable('Word (.docx) ');
    const read = async () => {
      await checkZipDirectory(bytes, UPLOAD_LIMITS.docx);
      return runParseTask('docxText', { bytes });
    };
    const text = await read().catch(unreadableAs('Word (.docx) '));
    return { text, kind, encoding: null };
  }
  const { text, encoding } = decodeTextFile(bytes);
  return { text, kind: 'txt', encoding };
}

/** Characters that never occur in prose: C0 controls other than tab/newlines, U+FFFD, private use. */
function isJunkChar(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    code === 0x7f ||
    code === 0xfffd ||
    (code >= 0xe000 && code <= 0xf8ff)
  );
}

/** Common CJK ideographs, kana/hangul excluded: what Chinese news is made of. */
function isCommonHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * Normalises a decoded text for storage and extraction (line ends, BOM, NFC) and refuses what is
 * not prose: empty, too long, or "text" that is mostly control characters or decoding debris.
 * The same checks apply to pasted text and to every file kind.
 */
export function checkText(input: string): string {
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  const visible = text.replace(/\s+/g, '');
  if (visible === '') throw intakeErrors.empty();
  if (text.length > INTAKE_LIMITS.maxTextChars) throw intakeErrors.tooLong(text.length);
  let junk = 0;
  let han = 0;
  let ascii = 0;
  let other = 0;
  for (const ch of visible) {
    const code = ch.codePointAt(0) ?? 0;
    if (isJunkChar(code)) junk++;
    else if (isCommonHan(code)) han++;
    else if (code < 0x80) ascii++;
    else other++;
  }
  const n = junk + han + ascii + other;
  // Prose has no control characters; a wrongly decoded or binary file has many, or is mostly
  // symbols outside both Chinese and ASCII (e.g. a zip read as GB18030).
  if (junk > Math.max(2, n * 0.01)) throw intakeErrors.notText();
  if (n >= 20 && other > n * 0.5) throw intakeErrors.notText();
  if (han + ascii < Math.min(2, n)) throw intakeErrors.notText();
  return text;
}
