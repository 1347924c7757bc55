import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildTemplate, readImportSheet } from './import-workbook';

/** The template with its first worksheet's XML replaced (the zip itself stays valid). */
async function templateWithSheet(rewrite: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildTemplate('firm'));
  const sheet = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)[0];
  if (!sheet) throw new Error('template has no worksheet');
  zip.file(sheet.name, rewrite(await sheet.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readImportSheet', () => {
  it('reads the template it hands out (header found, no data rows yet)', async () => {
    const read = await readImportSheet(await buildTemplate('firm'), 'firm');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.zh).toContain('没有数据行');
  });

  it('answers an unreadable sheet with the plain message and keeps the reader error for the log', async () => {
    const broken = await templateWithSheet((xml) =>
      xml.replace('<sheetData>', '<sheetData><row r="1"><c r="A1"'),
    );
    const read = await readImportSheet(broken, 'firm');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message.zh).toContain('无法读取该文件');
    expect(read.message.en).toContain('Could not read the file');
    // Both reads' errors (the second read exists for the reader's rare one-off failures).
    expect(read.cause).toMatch(/ \/ /);
    expect(read.cause?.length).toBeGreaterThan(5);
  });
});
