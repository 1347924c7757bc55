/**
 * News extraction speed (issue 7): articles per second of the rule-based extractor, measured in this
 * process (no HTTP, no database). Corpora: the seed page and the eval passages when ../shared is
 * beside the repository, and always a synthetic page assembled from sentences of our own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { measureExtractionSpeed } from '../../server/src/modules/intake/extract-speed';

export interface ExtractionBenchResult {
  corpus: string;
  characters: number;
  articlesPerPass: number;
  articlesPerSecond: number;
  charsPerSecond: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');

/** A page of several short articles in the shape of a local paper's front page (our own sentences). */
function syntheticPage(): string {
  const firms = [
    '瑞丰新材料科技有限公司',
    '东岳智能装备有限公司',
    '华晟精密机械有限公司',
    '鲁西生物科技股份有限公司',
  ];
  const out: string[] = [];
  firms.forEach((firm, i) => {
    out.push(
      `开发区项目建设提速${i + 1}`,
      '',
      '■ 本报记者 张明',
      '',
      `本报讯 ${firm}年产${i + 2}万吨新材料项目总投资${i + 3}.5亿元，3月份开工建设，目前主体已完工，预计年底投产，达产后年产值${i + 10}亿元、税收${i + 2}000万元，新增就业${i + 3}00人。`,
      `今年1至6月，${firm}实现出口${i + 1}.2亿元，同比增长近${10 + i}%。企业订单饱满，产能不足，计划扩产。`,
      '',
    );
  });
  return out.join('\n');
}

/** Passage texts (headers dropped) of a folder of labelled passages. */
function passagesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .replace(/^(?:(?:source|date):.*\n)+\n*/, '')
        .trim(),
    );
}

/**
 * "100 passages pasted at once" (issue 13): the repository's labelled public passages (and the shared
 * ones when present), repeated to 100, two empty lines apart, as an officer pastes a week of news.
 */
export function hundredPassagePaste(): { text: string; passages: number } {
  const evalDir = path.join(ROOT, 'server/src/modules/intake/eval');
  const pool = [
    ...passagesIn(path.join(evalDir, 'dev')),
    ...passagesIn(path.join(evalDir, 'heldout')),
    ...passagesIn(path.join(SHARED, 'eval', 'news')),
  ];
  const out: string[] = [];
  for (let i = 0; pool.length > 0 && out.length < 100; i++) out.push(pool[i % pool.length] ?? '');
  // Two empty lines between pasted articles (the README's paste convention).
  return { text: out.join('\n\n\n'), passages: out.length };
}

function corpora(): Array<{ name: string; text: string; articleDate: string }> {
  const paste = hundredPassagePaste();
  const list = [
    { name: 'synthetic page (4 articles)', text: syntheticPage(), articleDate: '2024-08-27' },
    { name: `${paste.passages}-passage paste`, text: paste.text, articleDate: '2024-08-27' },
  ];
  const seed = path.join(SHARED, 'seed', '000_b6add583ffbc5398.txt');
  if (existsSync(seed))
    list.push({ name: 'seed page', text: readFileSync(seed, 'utf8'), articleDate: '2024-08-27' });
  const evalDir = path.join(SHARED, 'eval', 'news');
  if (existsSync(evalDir)) {
    const texts = readdirSync(evalDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(evalDir, f), 'utf8'));
    if (texts.length > 0)
      list.push({
        name: `eval passages (${texts.length} files)`,
        text: texts.join('\n\n'),
        articleDate: '2024-08-27',
      });
  }
  return list;
}

/** Runs each corpus for about `seconds` and returns articles/s and characters/s. */
export function runExtractionBench(seconds: number): ExtractionBenchResult[] {
  return corpora().map((c) => {
    const r = measureExtractionSpeed(c.text, { articleDate: c.articleDate }, Math.max(500, seconds * 1000));
    const passes = Math.max(1, Math.round((r.charsPerSecond * r.seconds) / c.text.length));
    return {
      corpus: c.name,
      characters: c.text.length,
      articlesPerPass: Math.round(r.articles / passes),
      articlesPerSecond: r.articlesPerSecond,
      charsPerSecond: r.charsPerSecond,
    };
  });
}

export function formatExtractionTable(rows: ExtractionBenchResult[]): string {
  const head = ['corpus', 'chars', 'articles', 'articles/s', 'chars/s'];
  const body = rows.map((r) => [
    r.corpus,
    String(r.characters),
    String(r.articlesPerPass),
    r.articlesPerSecond.toFixed(0),
    r.charsPerSecond.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
