import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type CsvEncoding, CsvFormatError, detectCsvEncoding, readCsvRecords } from './bulk-csv';

/** Feeds `bytes` to the reader in chunks of `size` (1 = every byte boundary is a chunk boundary). */
async function records(bytes: Buffer, encoding: CsvEncoding, size = bytes.length, offset = 0) {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: Array<{ fields: string[]; end: number }> = [];
  for await (const r of readCsvRecords(chunks(), encoding, offset)) out.push(r);
  return out;
}

const TEXT =
  '企业名称,统一社会信用代码,经营范围\r\n"乖宝宠物食品集团股份有限公司",91371500MA3C5XXXXX,"宠物食品、用品，""出口""\n及技术服务"\r\n聊城市测试企业,,\n';

describe('bulk CSV reader', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks, at any chunk boundary', async () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const whole = await records(bytes, 'utf-8');
    expect(whole.map((r) => r.fields)).toEqual([
      ['企业名称', '统一社会信用代码', '经营范围'],
      ['乖宝宠物食品集团股份有限公司', '91371500MA3C5XXXXX', '宠物食品、用品，"出口"\n及技术服务'],
      ['聊城市测试企业', '', ''],
    ]);
    // Each record's end is the byte offset after its line break; the last one is the file's end.
    expect(whole.map((r) => r.end)).toEqual([
      Buffer.byteLength('企业名称,统一社会信用代码,经营范围\r\n'),
      bytes.length - Buffer.byteLength('聊城市测试企业,,\n'),
      bytes.length,
    ]);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await records(bytes, 'utf-8', size)).toEqual(whole);
    }
  });

  it('starts at a byte offset (a resumed run) and reports absolute offsets', async () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const all = await records(bytes, 'utf-8');
    const from = all[0]?.end ?? 0;
    const rest = await records(bytes.subarray(from), 'utf-8', 5, from);
    expect(rest).toEqual(all.slice(1));
  });

  it('detects a UTF-8 BOM, plain UTF-8 and GBK, and decodes GBK fields', async () => {
    const utf8 = Buffer.from(TEXT, 'utf8');
    expect(detectCsvEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({
      encoding: 'utf-8',
      bom: 3,
    });
    expect(detectCsvEncoding(utf8)).toEqual({ encoding: 'utf-8', bom: 0 });
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(detectCsvEncoding(gbk)).toEqual({ encoding: 'gb18030', bom: 0 });
    const fromGbk = await records(gbk, 'gb18030', 3);
    expect(fromGbk.map((r) => r.fields)).toEqual((await records(utf8, 'utf-8')).map((r) => r.fields));
    expect(fromGbk.at(-1)?.end).toBe(gbk.length);
  });

  it('judges the encoding on whole lines, so a character cut by the sample does not look like GBK', () => {
    const line = '企业名称,聊城市宠物食品有限公司\n';
    const big = Buffer.from(line.repeat(5000), 'utf8');
    // A 64 KB sample that ends inside a three-byte character.
    let cut = 64 * 1024;
    while ((big[cut] ?? 0) < 0x80 || ((big[cut] ?? 0) & 0xc0) !== 0x80) cut++;
    expect(detectCsvEncoding(big.subarray(0, cut + 1)).encoding).toBe('utf-8');
  });

  it('reads a last line without a line break and a trailing empty field', async () => {
    const r = await records(Buffer.from('a,b\nc,', 'utf8'), 'utf-8', 1);
    expect(r.map((x) => x.fields)).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it('refuses an unclosed quote and binary data', async () => {
    await expect(records(Buffer.from('a,"b\nc', 'utf8'), 'utf-8')).rejects.toBeInstanceOf(CsvFormatError);
    expect(() => detectCsvEncoding(Buffer.from([0x50, 0x00, 0x01, 0x02, 0xff]))).toThrow(CsvFormatError);
  });
});
