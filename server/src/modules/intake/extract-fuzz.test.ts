// The extractor reads whatever an officer pastes: it must never throw and never hang. Random and
// adversarial inputs, each checked for a result and a time bound.

import { describe, expect, it } from 'vitest';
import { extractArticle, extractPage, MAX_INPUT_CHARS } from './extract';

/** Small deterministic PRNG so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '有限公司',
  '（',
  '）',
  '(',
  ')',
  '项目',
  '年产',
  '万吨',
  '亿元',
  '万元',
  '近',
  '约',
  '%',
  '—',
  '-',
  '至',
  '下转第8版',
  '■',
  '本报讯',
  '\n',
  '\n\n',
  ' ',
  '。',
  '，',
  '、',
  '“',
  '”',
  '开发区',
  '集团',
  '签约',
  '开工',
  '投产',
  '负责人',
  '月',
  '日',
  '年底',
  '明年',
  '1',
  '9',
  '0',
  '.',
  '3—5',
  '以下简称“',
  '等项目',
  '个项目',
];

function randomText(r: () => number, len: number): string {
  let out = '';
  while (out.length < len) {
    const x = r();
    if (x < 0.5) out += PIECES[Math.floor(r() * PIECES.length)];
    else if (x < 0.8) out += String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000));
    else out += String.fromCharCode(Math.floor(r() * 0x10000));
  }
  return out;
}

/**
 * No test here asserts a duration (speed is measured by `npm run eval:extract`, which prints
 * articles/s). Catastrophic regex backtracking shows as a hang, not as a slow run: the per-test
 * timeout below fails it, at whatever load the machine runs.
 */
const HANG_TIMEOUT_MS = 60_000;

describe('extractor fuzz', () => {
  it('never throws on random text', { timeout: HANG_TIMEOUT_MS }, () => {
    const r = rng(7);
    for (let i = 0; i < 300; i++) {
      const text = randomText(r, Math.floor(r() * 400));
      const value = extractPage(text, { articleDate: '2024-06-01' });
      expect(Array.isArray(value.articles)).toBe(true);
      for (const a of value.articles) {
        for (const p of a.projects) {
          expect(p.span.start).toBeGreaterThanOrEqual(0);
          expect(p.span.end).toBeLessThanOrEqual(text.length);
        }
      }
    }
  });

  const adversarial: Array<[string, string]> = [
    ['long digit run', '9'.repeat(50_000)],
    ['long digit run with units', `${'1'.repeat(20_000)}亿${'2'.repeat(20_000)}万元`],
    ['repeated suffix', '有限公司'.repeat(20_000)],
    ['repeated project word', '项目'.repeat(40_000)],
    ['unbalanced brackets', '（（（（（有限公司'.repeat(5_000)],
    ['closing brackets', `${'）'.repeat(30_000)}有限公司`],
    ['repeated capacity verb', '年产'.repeat(30_000)],
    ['capacity list', '年产1吨a、'.repeat(10_000)],
    ['dates', '2024年1月1日'.repeat(10_000)],
    ['ranges', '1-2-3-4-5亿元'.repeat(5_000)],
    ['jump lines', '（下转第8版）\n'.repeat(10_000)],
    ['bylines', '■ 本报记者 王\n'.repeat(10_000)],
    ['binary junk', Array.from({ length: 40_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
    ['lone surrogates', '\ud800\udc00\ud800'.repeat(10_000)],
    ['only whitespace', ' \n\t\r'.repeat(20_000)],
    ['one huge line of prose', '项目由某某有限公司投资建设，总投资5亿元，年产5万吨。'.repeat(4_000)],
  ];
  for (const [name, text] of adversarial) {
    it(
      `finishes on ${name}`,
      () => {
        const value = extractPage(text);
        expect(Array.isArray(value.articles)).toBe(true);
        expect(() => extractArticle(text)).not.toThrow();
      },
      HANG_TIMEOUT_MS,
    );
  }

  it(
    'cuts oversized input and says so',
    () => {
      const big = '甲'.repeat(MAX_INPUT_CHARS + 10);
      const value = extractPage(big);
      expect(value.warnings.join()).toContain('cut');
    },
    HANG_TIMEOUT_MS,
  );

  it('tolerates values that are not strings', () => {
    expect(extractPage(undefined as unknown as string).articles).toEqual([]);
    expect(extractArticle(42 as unknown as string).projects).toEqual([]);
  });
});
