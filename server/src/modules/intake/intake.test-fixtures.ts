// Files for the intake tests, made at run time from short sentences of our own (the repository keeps
// no copies of articles): a .docx through the `docx` package, a .pdf written by hand with a real
// text layer, GBK bytes through iconv-lite, and multipart bodies for app.inject().

import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';

/** Short passages written for the tests (not taken from any article). */
export const PASSAGES = {
  /** A new firm and its new project: a create_firm and a create_lead. */
  newProject:
    '本报讯 2024年9月10日，瑞丰新材料科技有限公司年产3万吨高性能膜材料项目在开发区签约，项目总投资8亿元，达产后预计年产值12亿元，新增就业300人。',
  /** The demo's 乖宝 project moved on and its investment differs: a stage move and a figures conflict. */
  guaibaoUpdate:
    '记者从开发区获悉，乖宝宠物年产10万吨高端宠物食品项目主体工程已全部完工，预计年底前竣工验收。项目总投资6亿元。',
  /** A firm short of capacity: a new firm with two signal tags. */
  capacitySignal: '去年以来，东岳智能装备有限公司订单饱满，产能不足，计划在开发区投资扩产。',
} as const;

export async function makeDocx(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  return Packer.toBuffer(doc);
}

/**
 * A one-page PDF whose text layer is `lines` (no lines: a page with no text, like a scan). CJK text
 * uses a Type0 font with Identity-H encoding and a ToUnicode map, so the code of each glyph is its
 * Unicode value and a reader recovers the text exactly.
 */
export function makeTextPdf(lines: readonly string[]): Buffer {
  const hex = (s: string) =>
    [...s].map((c) => (c.codePointAt(0) ?? 0x3f).toString(16).padStart(4, '0')).join('');
  const content =
    lines.length === 0
      ? '0.9 g 50 700 200 100 re f'
      : ['BT', '/F1 12 Tf', '14 TL', '50 780 Td', ...lines.map((l) => `<${hex(l)}> Tj T*`), 'ET'].join('\n');
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    '1 beginbfrange',
    '<0000> <FFFF> <0000>',
    'endbfrange',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Random bytes with NULs and control characters: what a binary file looks like. */
/** Bytes that are not text, the same on every run (a seeded LCG) so tests that sniff them are stable. */
export function junkBytes(n: number, seed = 20261125): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lztest${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
