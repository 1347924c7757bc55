import { describe, expect, it } from 'vitest';
import { splitArticles } from './article-splitter';

describe('splitArticles', () => {
  it('splits on headline, byline and dateline in reading order', () => {
    const page = [
      '新区物流园开工',
      '',
      '本报讯 （记者 林一） 3月2日，新区物流园开工建设，总投资4亿元。',
      '',
      '乡村旅游持续升温',
      '■ 本报记者 吴青',
      '',
      '春天到了，游客纷纷走进乡村，体验采摘的乐趣。',
    ].join('\n');
    const arts = splitArticles(page);
    expect(arts.map((a) => a.title)).toEqual(['新区物流园开工', '乡村旅游持续升温']);
    expect(arts[0]?.dateline).toMatch(/^本报讯/);
    expect(arts[1]?.byline).toBe('■本报记者吴青');
  });
  it('ends an article at a jump line and attaches a trailing headline on an out-of-order page', () => {
    const page = [
      '今年以来，全县新签约项目二十个，',
      '项目建设跑出加速度。 （下转第3版）',
      '项目建设跑出加速度',
      '■ 本报记者 周南',
      '',
      '本报讯 3月5日，市里召开会议，部署春耕工作。',
      '',
      '部署春耕生产',
    ].join('\n');
    const arts = splitArticles(page);
    expect(arts).toHaveLength(2);
    expect(arts[0]).toMatchObject({
      title: '项目建设跑出加速度',
      byline: '■本报记者周南',
      jumpTo: '（下转第3版）',
    });
    expect(arts[1]).toMatchObject({ title: '部署春耕生产' });
    expect(arts[1]?.dateline).toMatch(/^本报讯/);
  });
  it('keeps subheads inside the body', () => {
    const page = ['开篇一段文字，介绍情况。', '', '强链补链', '', '后面一段文字，继续介绍。'].join('\n');
    const arts = splitArticles(page);
    expect(arts).toHaveLength(1);
    expect(arts[0]?.bodySpans.length).toBeGreaterThan(0);
  });
  it('returns no article for empty input', () => {
    expect(splitArticles('')).toEqual([]);
    expect(splitArticles('\n\n  \n')).toEqual([]);
  });
  it('gives offsets into the original text', () => {
    const page = '标题\n\n正文第一句，说明。';
    const [a] = splitArticles(page);
    const body = a?.bodySpans.map((s) => page.slice(s.start, s.end)).join('');
    expect(body).toBe('正文第一句，说明。');
  });
});
