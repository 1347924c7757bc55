import { describe, expect, it } from 'vitest';
import { AppError } from '../../plugins/errors';
import { gbk, junkBytes, makeTextPdf } from './intake.test-fixtures';
import { checkText, decodeTextFile, gb2312Share, sniffKind } from './intake-decode';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return null;
};

describe('intake input decoding', () => {
  it('reads UTF-8, UTF-8 with BOM, UTF-16 with BOM and GBK the same', () => {
    const s = '开发区年产10万吨项目，总投资5.6亿元。';
    expect(decodeTextFile(Buffer.from(s))).toEqual({ text: s, encoding: 'utf-8' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])).text).toBe(s);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(decodeTextFile(le)).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeTextFile(gbk(s))).toEqual({ text: s, encoding: 'gb18030' });
  });

  it('tells GBK text from random bytes', () => {
    expect(gb2312Share(gbk('聊城经济技术开发区招商引资项目'))).toBe(1);
    const high = Buffer.from(Array.from(junkBytes(2000), (b) => 0x80 | b));
    // Random high bytes fall in the GB2312 ranges about half the time (87/128 × 94/128); text is
    // refused below 0.8, so 0.6 leaves room on both sides.
    expect(gb2312Share(high)).toBeLessThan(0.6);
    expect(codeOf(() => decodeTextFile(high))).toBe('INTAKE_NOT_TEXT');
    expect(codeOf(() => decodeTextFile(Buffer.from([0x61, 0x00, 0x62])))).toBe('INTAKE_NOT_TEXT');
  });

  it('sniffs the kind by content before the name', () => {
    expect(sniffKind('a.txt', makeTextPdf(['x']))).toBe('pdf');
    expect(sniffKind('a.docx', Buffer.from('PK\u0003\u0004'))).toBe('docx');
    expect(sniffKind('a.xlsx', Buffer.from('PK\u0003\u0004'))).toBe('unsupported');
    expect(sniffKind('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBe('unsupported');
    expect(sniffKind('notes.txt', Buffer.from('abc'))).toBe('txt');
    expect(sniffKind('image.png', Buffer.from('abc'))).toBe('unsupported');
  });

  it('normalises line ends and refuses empty, junk and over-long text', () => {
    expect(checkText('\uFEFF第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
    expect(codeOf(() => checkText(' \n '))).toBe('INTAKE_EMPTY');
    expect(codeOf(() => checkText('\u0001\u0002\u0003正文'))).toBe('INTAKE_NOT_TEXT');
    expect(codeOf(() => checkText('\uFFFD'.repeat(50)))).toBe('INTAKE_NOT_TEXT');
    expect(codeOf(() => checkText('字'.repeat(300_001)))).toBe('INTAKE_TOO_LONG');
    expect(checkText('Plain English news about a factory.')).toContain('factory');
  });
});
