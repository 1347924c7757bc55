import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * The layout of a Chinese government document (GB/T 9704 habits) for the reports Lianzhao writes:
 * A4, margins 37/35/28/26 mm, body in 仿宋_GB2312 三号 (16 pt) with 28.95 pt line spacing, the
 * title in 方正小标宋简体 二号 (falls back to 黑体 where that font is missing — both are named),
 * level-one headings in 黑体, tables in 仿宋 五号, page numbers “— 1 —” centred at the foot.
 */
export const GOV_FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
} as const;

const MM = 56.7; // twips per millimetre
const font = (eastAsia: string) => ({
  ascii: GOV_FONTS.latin,
  hAnsi: GOV_FONTS.latin,
  eastAsia,
  cs: GOV_FONTS.latin,
});

export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [
      new TextRun({ text, font: font(GOV_FONTS.title), size: 44 }),
      new TextRun({ text: '', font: font(GOV_FONTS.heading) }),
    ],
  });
}

/** A centred line under the title (date, issuing unit). */
export function subtitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: font(GOV_FONTS.body), size: 32 })],
  });
}

const RED = 'C00000';
const rule = (color: string, size: number) => ({ style: BorderStyle.SINGLE, size, color, space: 6 });

/**
 * 版头 of an issued document: the 发文单位 in red 小标宋, the 文号 under it, and the red rule across
 * the page (GB/T 9704 7.2).
 */
export function issueHead(issuer: string, docNumber: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: issuer, font: font(GOV_FONTS.title), size: 52, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      border: { bottom: rule(RED, 12) },
      children: [new TextRun({ text: docNumber, font: font(GOV_FONTS.body), size: 32 })],
    }),
  ];
}

/** 版记: the 抄送 line and “发文单位 日期印发” between rules at the end (GB/T 9704 7.4). */
export function issueFoot(cc: string, issuer: string, issuedOn: string): Paragraph[] {
  const line = (text: string, top: boolean) =>
    new Paragraph({
      spacing: { before: top ? 480 : 0 },
      indent: { left: 320, right: 320 },
      border: top ? { top: rule('000000', 6), bottom: rule('000000', 4) } : { bottom: rule('000000', 6) },
      children: [new TextRun({ text, font: font(GOV_FONTS.body), size: 28 })],
    });
  return [...(cc ? [line(`抄送：${cc}。`, true)] : []), line(`${issuer}　　${issuedOn}印发`, !cc)];
}

/** 一、 level-one heading in 黑体. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 120 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font(GOV_FONTS.heading), size: 32 })],
  });
}

/** A body paragraph: 仿宋 三号, first line indented two characters. */
export function body(text: string): Paragraph {
  return new Paragraph({
    spacing: { line: 579 },
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: font(GOV_FONTS.body), size: 32 })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Text width of the A4 page between the margins, in twips: table columns are shares of it. */
const TEXT_WIDTH = Math.round((210 - 28 - 26) * MM);

/**
 * Table text is set by two paragraph styles rather than on every run: a 2,000-project table has
 * 14,000 cells, and per-cell fonts, borders and widths made the `docx` library spend seconds
 * building and serialising them.
 */
const TABLE_STYLES = [
  {
    id: 'LzTableHead',
    name: 'Lianzhao table head',
    run: { font: font(GOV_FONTS.heading), size: 21 },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  { id: 'LzTableCell', name: 'Lianzhao table cell', run: { font: font(GOV_FONTS.body), size: 21 } },
];

/** How a column's cells sit: amounts right, so that their decimal points line up. */
export type ColumnAlign = 'left' | 'center' | 'right';

const ALIGNMENT = { left: undefined, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A full-width table: a 黑体 header row and 仿宋 五号 cells; numbers centred unless `align` says
 * otherwise per column.
 */
export function table(
  headers: string[],
  rows: Array<Array<string | number>>,
  widths?: number[],
  align?: ColumnAlign[],
): Table {
  const cell = (text: string | number, head: boolean, col: number) => {
    const a = align?.[col];
    return new TableCell({
      children: [
        new Paragraph({
          style: head ? 'LzTableHead' : 'LzTableCell',
          alignment: head
            ? undefined
            : a
              ? ALIGNMENT[a]
              : typeof text === 'number'
                ? AlignmentType.CENTER
                : undefined,
          text: String(text),
        }),
      ],
    });
  };
  const shares = widths ?? headers.map(() => 100 / headers.length);
  const total = shares.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: shares.map((w) => Math.round((TEXT_WIDTH * w) / total)),
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

/** Packs an A4 document with the government margins and “— n —” page numbers. */
export function govDocument(children: Array<Paragraph | Table>, meta: { title: string }): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: 'Lianzhao 链招',
    styles: {
      default: { document: { run: { font: font(GOV_FONTS.body), size: 32 } } },
      paragraphStyles: TABLE_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font(GOV_FONTS.latin),
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
