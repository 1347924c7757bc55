// Issue 13, project recall on park overviews: plants listed by their firms or capacities and closed by
// "等N家企业" with a stage. Sentences of our own, written in those shapes, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { projectsOf as allProjectsOf } from './extract-test-helpers';
import { findStagedFirmLists } from './staged-firm-lists';

const projectsOf = (text: string) => allProjectsOf(text).filter((p) => !p.isAggregate);

describe('plants listed by firm and closed by 等N家企业 with a stage', () => {
  it('makes each firm short name a project with the stage of the clause, and no company', () => {
    const text =
      '青禾工业园区目前入驻企业12家，其中：青禾宏达硅业、青禾瑞丰化工、青禾永泰建材等三家企业已建成投产，另有两家企业正在办理手续。';
    const ps = projectsOf(text);
    const names = ps.map((p) => p.name);
    expect(names.some((n) => n.includes('青禾宏达硅业'))).toBe(true);
    expect(names.some((n) => n.includes('青禾瑞丰化工'))).toBe(true);
    expect(names.some((n) => n.includes('青禾永泰建材'))).toBe(true);
    for (const p of ps.filter((x) => x.name.startsWith('青禾'))) {
      expect(p.stage?.stage).toBe('投产');
      expect(p.companies).toEqual([]);
    }
  });

  it('keeps a firm with a legal form as the project and its company, across a comma before the verb', () => {
    const text = '长岭食品加工有限公司、东岸冷链物流有限公司等6家企业，正在同步推动建设。';
    const got = findStagedFirmLists(text);
    expect(got.map((n) => n.name)).toEqual(['长岭食品加工有限公司项目', '东岸冷链物流有限公司项目']);
    expect(got.map((n) => n.companyHint)).toEqual(['长岭食品加工有限公司', '东岸冷链物流有限公司']);
  });

  it('reads capacity-led items with their capacity', () => {
    const text = '园区内年产8万吨铁合金、年产3万吨碳化硅、年产20万吨石灰等4家企业已全面开工新建。';
    const ps = projectsOf(text);
    const ferro = ps.find((p) => p.name.includes('铁合金'));
    expect(ferro?.capacity?.asWritten).toContain('8万吨');
    expect(ps.filter((p) => p.name.startsWith('年产')).length).toBe(3);
  });

  it('leaves a list of firms that only moved in or signed: firms, not projects', () => {
    expect(
      findStagedFirmLists('园区吸引了宏图集团、骆驼集团、金升集团等龙头企业进驻，推动一批项目建成投产。'),
    ).toEqual([]);
    expect(findStagedFirmLists('华联电子、启明光电等5家企业签约落户园区。')).toEqual([]);
  });

  it('leaves a list with an item that is not a name', () => {
    expect(findStagedFirmLists('制茶、食品加工、建材等14户企业已实现投产。')).toEqual([]);
  });
});
