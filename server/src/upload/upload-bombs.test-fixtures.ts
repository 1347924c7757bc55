// Hostile files for the upload tests, made at run time (nothing large is committed): deflate bombs
// streamed through zlib from a small repeated chunk, wrapped in a zip written here byte by byte so
// that the declared sizes can lie, and a PDF whose FlateDecode stream inflates to hundreds of MB.

import zlib from 'node:zlib';

const MB = 1024 * 1024;

/** Compressed data of one entry: raw deflate, its real inflated size and CRC-32. */
export interface Packed {
  data: Buffer;
  size: number;
  crc: number;
}

/**
 * A piece of entry content: bytes as they are, or `chunk` called until `bytes` are produced. With
 * `cycle`, only the first `cycle` chunks are made and then repeated in turn, each compressed once and
 * its deflate block repeated: a 200 MB entry costs the deflate of `cycle` MB, not seconds of zlib.
 */
export type Piece =
  | Buffer
  | string
  | { chunk: () => Buffer; bytes: number; cycle?: number }
  | { chunks: () => Iterable<Buffer> };

/**
 * Deflates the pieces as a stream (the repeated part is never held whole), so a 300 MB entry costs
 * the test a few hundred KB of memory and about a second of zlib.
 */
export async function pack(
  pieces: readonly Piece[],
  options: { zlibWrapper?: boolean } = {},
): Promise<Packed> {
  const deflate = options.zlibWrapper
    ? zlib.createDeflate({ level: 9 })
    : zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    crc = zlib.crc32(b, crc);
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  const fullFlush = () =>
    new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_FULL_FLUSH, () => resolve()));
  for (const piece of pieces) {
    if (typeof piece === 'string' || Buffer.isBuffer(piece)) {
      await write(Buffer.from(piece));
      continue;
    }
    if ('chunks' in piece) {
      for (const c of piece.chunks()) await write(c);
      continue;
    }
    // (Not under a zlib wrapper: its Adler-32 trailer must see every byte.)
    if (piece.cycle && piece.bytes > (piece.cycle + 1) * MB && !options.zlibWrapper) {
      // After a full flush the deflater forgets what came before, so the block of one chunk can be
      // repeated as it is: the inflater reads the same bytes again each time.
      const turns: Array<{ chunk: Buffer; block: Buffer }> = [];
      await fullFlush();
      for (let i = 0; i < piece.cycle; i++) {
        const chunk = piece.chunk();
        const mark = out.length;
        await write(chunk);
        await fullFlush();
        turns.push({ chunk, block: Buffer.concat(out.slice(mark)) });
      }
      const chunkBytes = turns[0]?.chunk.length ?? MB;
      const times = Math.floor(piece.bytes / chunkBytes);
      for (let i = turns.length; i < times; i++) {
        const turn = turns[i % turns.length] as { chunk: Buffer; block: Buffer };
        out.push(turn.block);
        size += turn.chunk.length;
        crc = zlib.crc32(turn.chunk, crc);
      }
      const rest = piece.bytes - times * chunkBytes;
      if (rest > 0) await write((turns[0] as { chunk: Buffer }).chunk.subarray(0, rest));
      continue;
    }
    for (let done = 0; done < piece.bytes; ) {
      const c = piece.chunk();
      const b = c.length > piece.bytes - done ? c.subarray(0, piece.bytes - done) : c;
      await write(b);
      done += b.length;
    }
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

/** `bytes` of one repeated byte: what a classic zip bomb holds (~1000:1). */
export const filler = (bytes: number, byte = 0x20): Piece => {
  const chunk = Buffer.alloc(MB, byte);
  return { chunk: () => chunk, bytes, cycle: 1 };
};

/**
 * `bytes` of letters that pack about 50:1 (a letter in every ~200 changed at random, seeded), so
 * an entry passes the compression-ratio cap and has to be stopped further on. Eight different
 * megabytes in turn: the reader meets no longer repeat than a real document's.
 */
export function looseFiller(bytes: number, seed = 11): Piece {
  const base = Buffer.alloc(MB);
  for (let i = 0; i < base.length; i++) base[i] = 97 + (i % 26);
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x >>> 8;
  };
  return {
    chunk: () => {
      const b = Buffer.from(base);
      for (let i = 0; i + 200 <= b.length; i += 200) b[i + (next() % 200)] = 97 + (next() % 26);
      return b;
    },
    bytes,
    cycle: 8,
  };
}

export interface ZipEntrySpec {
  name: string;
  packed: Packed;
  /** The inflated size written in the headers (default: the real one); smaller is a lie. */
  declaredSize?: number;
}

/** A zip archive of deflated entries: local headers, data, central directory, end record. */
export function zipOf(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.packed.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.packed.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.packed.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.packed.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';

/** A .docx whose word/document.xml holds `body` (text runs) between the usual wrappers. */
export async function docxOf(body: readonly Piece[], declaredSize?: number): Promise<Buffer> {
  const small = (s: string) => pack([s]);
  const doc = await pack([
    `${xml}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`,
    ...body,
    '</w:t></w:r></w:p></w:body></w:document>',
  ]);
  return zipOf([
    {
      name: '[Content_Types].xml',
      packed: await small(
        `${xml}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      packed: await small(
        `${xml}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    { name: 'word/document.xml', packed: doc, declaredSize },
  ]);
}

export interface SheetSpec {
  name: string;
  /** The <sheetData> content. */
  rows: readonly Piece[];
  declaredSize?: number;
}

/** An .xlsx with the given sheets (inline strings) and, optionally, a shared-strings part. */
export async function xlsxOf(
  sheets: readonly SheetSpec[],
  sharedStrings?: { items: readonly Piece[]; declaredSize?: number },
): Promise<Buffer> {
  const small = (s: string) => pack([s]);
  const entries: ZipEntrySpec[] = [
    {
      name: '[Content_Types].xml',
      packed: await small(
        `${xml}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      packed: await small(
        `${xml}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      packed: await small(
        `${xml}<workbook xmlns="${S}" xmlns:r="${R}"><sheets>${sheets
          .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      packed: await small(
        `${xml}<Relationships xmlns="${PKG}/relationships">${sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('')}</Relationships>`,
      ),
    },
  ];
  // Excel's order: the sheets, then the shared strings.
  for (const [i, s] of sheets.entries()) {
    entries.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      packed: await pack([
        `${xml}<worksheet xmlns="${S}"><sheetData>`,
        ...s.rows,
        '</sheetData></worksheet>',
      ]),
      declaredSize: s.declaredSize,
    });
  }
  if (sharedStrings) {
    entries.push({
      name: 'xl/sharedStrings.xml',
      packed: await pack([`${xml}<sst xmlns="${S}">`, ...sharedStrings.items, '</sst>']),
      declaredSize: sharedStrings.declaredSize,
    });
  }
  return zipOf(entries);
}

/** A row of inline-string cells (column letters from A). */
export function row(n: number, values: readonly string[]): string {
  const cells = values
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('');
  return `<row r="${n}">${cells}</row>`;
}

/** `count` data rows after row `from`, made lazily in ~1 MB chunks (a million rows cost ~1 s). */
export function manyRows(from: number, count: number, values: readonly string[]): Piece {
  return {
    *chunks() {
      let parts: string[] = [];
      let bytes = 0;
      for (let n = from + 1; n <= from + count; n++) {
        const r = row(n, values);
        parts.push(r);
        bytes += r.length;
        if (bytes >= MB) {
          yield Buffer.from(parts.join(''));
          parts = [];
          bytes = 0;
        }
      }
      if (parts.length > 0) yield Buffer.from(parts.join(''));
    },
  };
}

/** A one-page PDF whose content stream is FlateDecode data inflating to `inflatedBytes` of spaces. */
export async function pdfBomb(inflatedBytes: number): Promise<Buffer> {
  const stream = await pack(['BT /F1 12 Tf 50 780 Td (x) Tj ET\n', filler(inflatedBytes)], {
    zlibWrapper: true,
  });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1');
    parts.push(buf);
    length += buf.length;
  };
  add('%PDF-1.4\n');
  const objects: Array<Array<Buffer | string>> = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    ],
    [`<< /Length ${stream.data.length} /Filter /FlateDecode >>\nstream\n`, stream.data, '\nendstream'],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
  objects.forEach((o, i) => {
    offsets.push(length);
    add(`${i + 1} 0 obj\n`);
    for (const p of o) add(p);
    add('\nendobj\n');
  });
  const xref = length;
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  add(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join(''));
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
