import type { ZipLimits } from '../../../shared/src/upload-limits';
import { UPLOAD_LIMITS } from '../../../shared/src/upload-limits';
import { AppError } from '../plugins/errors';

/**
 * Refusals of an uploaded document that asks for too much work (issue 11): 413 when a cap is
 * exceeded (the message names the cap), 400 when the file is damaged. Thrown on the main thread
 * and inside the parse worker alike (the worker sends them back as plain data).
 */

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const field = (zh: string, en: string) => [{ path: 'file', message: { zh, en } }];

function tooMuch(code: string, zh: string, en: string): AppError {
  return new AppError(413, code, { zh, en }, field(zh, en));
}

export type ZipCap = 'entries' | 'entry' | 'total' | 'ratio' | 'sharedStrings';

export const uploadErrors = {
  /** A zip-based file whose directory or inflated content passes one of `limits`. */
  zipCap: (cap: ZipCap, limits: ZipLimits, entryName?: string): AppError => {
    const at = entryName ? `（${entryName}）` : '';
    const of = entryName ? ` (${entryName})` : '';
    switch (cap) {
      case 'entries':
        return tooMuch(
          'UPLOAD_TOO_MANY_ENTRIES',
          `文件内含条目超过 ${limits.maxEntries} 个上限，不像正常的 Office 文件`,
          `The file holds more than ${limits.maxEntries} entries (the limit); it is not an ordinary Office file`,
        );
      case 'entry':
        return tooMuch(
          'UPLOAD_ENTRY_TOO_LARGE',
          `文件中的一部分${at}解压后超过 ${mb(limits.maxEntryBytes)} 上限`,
          `A part of the file${of} unpacks to more than ${mb(limits.maxEntryBytes)} (the limit)`,
        );
      case 'total':
        return tooMuch(
          'UPLOAD_UNPACKS_TOO_LARGE',
          `文件解压后超过 ${mb(limits.maxTotalBytes)} 上限`,
          `The file unpacks to more than ${mb(limits.maxTotalBytes)} (the limit)`,
        );
      case 'ratio':
        return tooMuch(
          'UPLOAD_COMPRESSION_RATIO',
          `文件中的一部分${at}压缩比超过 ${limits.maxRatio} 倍上限（疑似压缩炸弹）`,
          `A part of the file${of} is compressed more than ${limits.maxRatio}× (the limit; a zip bomb?)`,
        );
      case 'sharedStrings':
        return tooMuch(
          'UPLOAD_SHARED_STRINGS_TOO_LARGE',
          `表格的共享文字表解压后超过 ${mb(limits.maxSharedStringsBytes)} 上限`,
          `The workbook's shared strings unpack to more than ${mb(limits.maxSharedStringsBytes)} (the limit)`,
        );
    }
  },
  /**
   * Not a readable zip archive: truncated, damaged, encrypted, hidden or overlapping entries, or
   * entries that unpack to other sizes or checksums than the file declares.
   */
  zipInvalid: (): AppError => {
    const zh = '文件已损坏、不完整或被改动（压缩包的结构、大小或校验和不符），请重新保存后上传';
    const en =
      'The file is damaged, incomplete or altered (its zip structure, sizes or checksums do not match); save it again and upload it';
    return new AppError(400, 'UPLOAD_ZIP_INVALID', { zh, en }, field(zh, en));
  },
  pdfStream: (total: boolean): AppError =>
    total
      ? tooMuch(
          'UPLOAD_PDF_UNPACKS_TOO_LARGE',
          `PDF 的数据解压后共超过 ${mb(UPLOAD_LIMITS.maxPdfInflatedBytes)} 上限`,
          `The PDF's streams unpack to more than ${mb(UPLOAD_LIMITS.maxPdfInflatedBytes)} in all (the limit)`,
        )
      : tooMuch(
          'UPLOAD_PDF_STREAM_TOO_LARGE',
          `PDF 中的一段数据解压后超过上限（文字与字体 ${mb(UPLOAD_LIMITS.maxPdfStreamBytes)}，图片 ${mb(UPLOAD_LIMITS.maxPdfImageBytes)}）`,
          `A stream in the PDF unpacks to more than its limit (${mb(UPLOAD_LIMITS.maxPdfStreamBytes)} for text and fonts, ${mb(UPLOAD_LIMITS.maxPdfImageBytes)} for images)`,
        ),
  cellTooLong: (row: number, column: number): AppError => {
    const zh = `第${row}行第${column}列的单元格超过 ${UPLOAD_LIMITS.maxCellChars} 字（Excel 的上限）`;
    const en = `The cell in row ${row}, column ${column} is longer than ${UPLOAD_LIMITS.maxCellChars} characters (Excel's limit)`;
    return new AppError(400, 'UPLOAD_CELL_TOO_LONG', { zh, en }, field(zh, en));
  },
  /** A cell past the cap, seen while inflating (where it is, is not known yet). */
  textRun: (): AppError => {
    const zh = `表格中有单元格超过 ${UPLOAD_LIMITS.maxCellChars} 字（Excel 的上限）`;
    const en = `A cell in the workbook is longer than ${UPLOAD_LIMITS.maxCellChars} characters (Excel's limit)`;
    return new AppError(400, 'UPLOAD_CELL_TOO_LONG', { zh, en }, field(zh, en));
  },
  parseTimeout: (): AppError =>
    tooMuch(
      'UPLOAD_TOO_SLOW',
      `读取文件超过 ${UPLOAD_LIMITS.maxParseSeconds} 秒上限，已停止；请拆分文件或只上传相关部分`,
      `Reading the file took longer than ${UPLOAD_LIMITS.maxParseSeconds} s (the limit) and was stopped; split it or upload only the part that matters`,
    ),
  parseMemory: (): AppError =>
    tooMuch(
      'UPLOAD_TOO_MUCH_MEMORY',
      `读取文件所需内存超过 ${UPLOAD_LIMITS.maxParseMemoryMb} MB 上限，已停止；请拆分文件或只上传相关部分`,
      `Reading the file needs more than ${UPLOAD_LIMITS.maxParseMemoryMb} MB of memory (the limit) and was stopped; split it or upload only the part that matters`,
    ),
  parseFailed: (): AppError => {
    const zh = '无法读取该文件（文件损坏或格式不符）';
    const en = 'The file cannot be read (damaged or not what its name says)';
    return new AppError(400, 'UPLOAD_UNREADABLE', { zh, en }, field(zh, en));
  },
  busy: (): AppError =>
    new AppError(503, 'UPLOAD_BUSY', {
      zh: '正在读取的文件过多，请稍后再试',
      en: 'Too many files are being read right now; try again shortly',
    }),
};
