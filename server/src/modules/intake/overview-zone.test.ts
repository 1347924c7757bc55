// Issue 13, park recall on park overviews: the one zone an article is about, named past its lead.
// Sentences of our own, written in those shapes, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { findParks } from './entity-extractor';
import { projectsOf } from './extract-test-helpers';
import { overviewZone } from './overview-zone';

describe('the zone of a park overview', () => {
  it('is every project’s park when the article names one zone past its lead and refers back to it', () => {
    const text =
      '循环经济向高端发展。\n金河科技废旧电池拆解生产线、顺达铝业型材生产线竣工投产。记者在湖南青石循环经济产业园区看到一派繁荣景象。今年以来，该园区12个重点项目有序推进，其中顺达铝业轮毂生产项目总投资3亿元。';
    const ps = projectsOf(text).filter((p) => !p.isAggregate);
    const wheels = ps.find((p) => p.name.includes('轮毂'));
    expect(wheels?.park?.name).toContain('青石循环经济产业园区');
  });

  it('is a 产业园 the article calls 该园 (session 15, from read batch 10)', () => {
    const text =
      '循环经济向高端发展。\n金河科技废旧电池拆解生产线竣工投产。记者在湖南青石循环经济产业园看到一派繁荣景象。今年以来，该园12个重点项目有序推进，其中顺达铝业轮毂生产项目总投资3亿元。';
    const wheels = projectsOf(text).find((p) => !p.isAggregate && p.name.includes('轮毂'));
    expect(wheels?.park?.name).toContain('青石循环经济产业园');
  });

  it('is no 产业园 the article does not treat as a zone', () => {
    const text = '青石冻干食品产业园建设提速。园区二期厂房主体完工，顺达铝业轮毂生产项目总投资3亿元。';
    expect(overviewZone(text, findParks(text), [])).toBeUndefined();
  });

  it('is none when the article names two zones', () => {
    const text = '甲县经济开发区与乙市高新技术产业开发区签约。园区将共建产业园。';
    expect(overviewZone(text, findParks(text), [])).toBeUndefined();
  });

  it('is none when the article never comes back to the zone', () => {
    const text = '会议在丙县工业集中区召开。会议要求各部门加强安全生产。';
    expect(overviewZone(text, findParks(text), [])).toBeUndefined();
  });
});
