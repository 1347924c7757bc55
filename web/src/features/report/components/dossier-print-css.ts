/**
 * The dossier's print style: A4, government-document type. Font stacks name the fonts Chinese
 * offices have (仿宋_GB2312 for the body, 黑体 for headings, 方正小标宋 for the title) and fall
 * back to the Noto/Source Han CJK families and then the generic family, so the page prints on any
 * machine; nothing is downloaded.
 */
const FANGSONG = `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const HEITI = `"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;
const XIAOBIAOSONG = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", serif`;

export const DOSSIER_CSS = `
.dossier-screen { background: #f0f2f5; min-height: 100vh; padding: 16px 0 48px; }
.dossier-toolbar { width: 210mm; margin: 0 auto 12px; }
.dossier-hint { color: rgba(0,0,0,.45); font-size: 13px; }
.dossier-sheet {
  width: 210mm; min-height: 297mm; margin: 0 auto; padding: 25mm 22mm 22mm; box-sizing: border-box;
  background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.12); color: #000;
  font-family: ${FANGSONG}; font-size: 15pt; line-height: 1.6;
}
.dossier-sheet h1 {
  font-family: ${XIAOBIAOSONG}; font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 6pt;
}
.dossier-subtitle { text-align: center; font-size: 12pt; margin: 0 0 18pt; }
.dossier-sheet h2 { font-family: ${HEITI}; font-size: 15pt; font-weight: normal; margin: 16pt 0 8pt; break-after: avoid; }
.dossier-sheet table { width: 100%; border-collapse: collapse; font-size: 11.5pt; line-height: 1.45; }
.dossier-sheet th, .dossier-sheet td { border: 0.75pt solid #000; padding: 3pt 6pt; text-align: left; vertical-align: top; }
.dossier-sheet thead th { font-family: ${HEITI}; font-weight: normal; background: #f2f2f2; }
.dossier-sheet thead { display: table-header-group; }
.dossier-sheet tr { break-inside: avoid; }
.dossier-facts th { width: 28%; font-family: ${HEITI}; font-weight: normal; }
.dossier-sheet .num { text-align: right; white-space: nowrap; }
.dossier-sheet .date { width: 24mm; white-space: nowrap; }
.dossier-sheet .who { width: 24mm; }
.dossier-none { font-size: 12pt; margin: 0; }
.dossier-photos { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; }
.dossier-photos figure { margin: 0; break-inside: avoid; }
.dossier-photos img { width: 100%; max-height: 70mm; object-fit: contain; border: 0.75pt solid #999; }
.dossier-photos figcaption { font-size: 10.5pt; text-align: center; }

@page { size: A4; margin: 22mm 18mm 20mm; }
@page { @bottom-center { content: "— " counter(page) " —"; font-family: ${FANGSONG}; font-size: 11pt; } }
@media print {
  html, body { background: #fff !important; }
  .dossier-screen { background: none; padding: 0; min-height: 0; }
  .dossier-toolbar { display: none; }
  .dossier-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;

/** CSS string literal content: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return text.replace(/[\\"]/g, (m) => `\\${m}`).replace(/[\r\n]+/g, ' ');
}

/** The running header: the project's dossier title at the top of every printed page. */
export function pageHeaderCss(title: string): string {
  return `@page { @top-center { content: "${cssString(title)}"; font-family: ${HEITI}; font-size: 10.5pt; color: #333; border-bottom: 0.75pt solid #333; vertical-align: bottom; padding-bottom: 2mm; } }`;
}
