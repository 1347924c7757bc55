import fs from 'node:fs';
import type ExcelJS from 'exceljs';

/**
 * The rows of a workbook's first worksheet from exceljs's streaming reader, which leaves nothing
 * behind when the caller stops early (a header found, a row limit, a refusal, the first sheet only).
 *
 * exceljs needs the shared strings and the workbook's relations before it can read a worksheet. A
 * worksheet stored before them in the zip — as Excel itself writes files — is first copied to a temp
 * file (the `tmp` package, `tmp-<pid>-…` in the system's temp folder), and exceljs removes that copy
 * only when its iteration goes on past the sheet. A reader left early kept the copy, and an open file
 * on it, until the process exited: in a server, a copy of the sheet of every such upload. So when the
 * sheet came from such a copy, its stream is closed and the iteration is run to its end, which only
 * removes the copies (the zip was read through before the first copied sheet was read). A sheet read
 * in place has no copy, and reading on would inflate the rest of the file, so it is left there.
 */
export async function* firstWorksheetRows(
  reader: ExcelJS.stream.xlsx.WorkbookReader,
): AsyncGenerator<ExcelJS.Row> {
  const sheets = reader[Symbol.asyncIterator]();
  let copy: fs.ReadStream | null = null;
  try {
    const first = await sheets.next();
    if (first.done) return;
    copy = copyStream(first.value);
    yield* first.value as AsyncIterable<ExcelJS.Row>;
  } finally {
    if (copy) {
      copy.destroy();
      // Clean-up only: a failure here must not replace the reason the caller stopped (a refusal).
      try {
        for (let next = await sheets.next(); !next.done; next = await sheets.next())
          copyStream(next.value)?.destroy();
      } catch {
        // What is left is removed by exceljs's `tmp` when the process exits.
      }
    }
  }
}

/**
 * The file stream a worksheet exceljs hands out is read from when it comes from a temp copy (its
 * source, `iterator`, is not in exceljs's types); null when it is read in place from the zip.
 */
function copyStream(sheet: unknown): fs.ReadStream | null {
  const source = (sheet as { iterator?: unknown }).iterator;
  return source instanceof fs.ReadStream ? source : null;
}
