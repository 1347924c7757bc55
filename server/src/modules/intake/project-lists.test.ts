// Issue 13, project recall on unseen text: lists of projects in the shapes the rules missed (no 项目 after
// the list, a described tail after 等, 以…为代表), pinyin debris of a broken converter, spindles (锭).
// Sentences of our own, written in those shapes, not copied from the eval sets.
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract';
import { findCapacities } from './quantity-parser';

const projectsOf = (text: string, articleDate = '2024-05-10') =>
  extractPage(text, { articleDate })
    .articles.flatMap((a) => a.projects)
    .filter((p) => !p.isAggregate);
const names = (text: string) => projectsOf(text).map((p) => p.name);

describe('lists of projects', () => {
  it('reads a list opened by 包括 and closed by 等 with no 项目 after it, with the batch stage', () => {
    const text =
      '当天集中投产项目12个，包括青岚光学镜片产业园、石门湾冷链物流中心、云溪乡卫生院等，总投资31亿元。';
    const ps = projectsOf(text);
    const got = ps.map((p) => p.name).join('|');
    expect(got).toContain('青岚光学镜片产业园');
    expect(got).toContain('石门湾冷链物流中心');
    expect(ps.find((p) => p.name.includes('青岚'))?.stage?.stage).toBe('投产');
    // The batch total is the batch's, not the first item's.
    expect(ps.find((p) => p.name.includes('青岚'))?.investment).toBeNull();
  });

  it('takes a described tail after 等 as the kind of the listed projects, not as a project', () => {
    const text =
      '此次签约的项目中，既有鹏程精工年产200万套汽车转向节、瑞丰塑业年产5万吨改性塑料等一批汽车零部件配套项目，又有龙湾文旅综合体等业态融合项目。';
    const got = names(text).join('|');
    expect(got).toContain('鹏程精工年产200万套汽车转向节');
    expect(got).toContain('瑞丰塑业年产5万吨改性塑料');
    expect(got).toContain('龙湾文旅综合体');
    expect(got).not.toContain('汽车零部件配套');
    expect(got).not.toContain('业态融合');
    expect(got).not.toMatch(/既有|又有/);
  });

  it('reads 以…为代表的 lists and a phase of a named project (六期)', () => {
    const got = names('全年以华星新材料产业园、海岱智能装备基地为代表的一批重大项目建成投产。').join('|');
    expect(got).toContain('华星新材料产业园');
    expect(got).toContain('海岱智能装备基地');
    expect(names('新澜六期项目、金川锂电年产3万吨正极材料等一批重大项目如期投产。').join('|')).toContain(
      '新澜六期',
    );
  });

  it('does not read firms, people, places or building parts listed after 包括 as projects', () => {
    expect(
      names('集中开工项目6个，包括宁远精工、江苏华泰、福建百川，均为新能源配套企业，总投资40亿元。'),
    ).toEqual([]);
    expect(names('市领导王建国、李文华、赵德明等四套班子领导出席项目开工仪式。')).toEqual([]);
    expect(names('签约项目6个，投资方包括北京、上海、深圳等地的企业。')).toEqual([]);
    const one = names(
      '该项目总投资1.2亿元，建筑面积9500平方米，包括4500平方米的生产厂房、1500平方米的仓库等设施。',
    );
    expect(one.join('|')).not.toMatch(/厂房|仓库/);
  });
});

describe('the zone an article is about', () => {
  it('takes a bare 经开区 the article keeps coming back to as the park of its projects', () => {
    const text =
      '经开区举行重大项目集中开工活动。经开区此次开工的汇川精密轴承项目总投资6亿元。经开区将做好服务保障。';
    expect(projectsOf(text)[0]?.park?.name).toBe('经开区');
    expect(projectsOf('经开区举行活动。汇川精密轴承项目总投资6亿元。')[0]?.park ?? null).toBeNull();
  });

  it('takes a bare 经开区 the lead names twice as the park of its projects', () => {
    const text =
      '7月10日，经开区参加全省项目推进会，随后举行了经开区“开工一批”活动。汇川精密轴承项目总投资6亿元。';
    expect(projectsOf(text)[0]?.park?.name).toBe('经开区');
  });
});

describe('works named with 工程', () => {
  it('reads a named works with a phase or a renovation and a stage, not a part or a programme', () => {
    const got = names('县经开区青山湖引水二期工程正式开工建设。').join('|');
    expect(got).toContain('青山湖引水二期工程');
    expect(got).not.toContain('经开区');
    expect(names('该项目高炉1号主体工程已完工，信息安全工程正在推进。')).toEqual([]);
  });

  it('takes 等N个新开工项目 as the kind of the list before it', () => {
    const got = names('观摩了包括云杉物流基地、白鹭湾医疗器械产业园等24个新开工项目。').join('|');
    expect(got).toContain('云杉物流基地');
    expect(got).toContain('白鹭湾医疗器械产业园');
  });
});

describe('the total of a list', () => {
  it('keeps a figure right after a list of names as the list’s total, not the last name’s', () => {
    const all = extractPage('县里开工松岭精密铸件项目、碧溪生态农业园项目，总投资12.5亿元。', {
      articleDate: '2024-05-10',
    }).articles.flatMap((a) => a.projects);
    const singles = all.filter((p) => !p.isAggregate);
    expect(singles.length).toBe(2);
    for (const p of singles) expect(p.investment).toBeNull();
    expect(all.find((p) => p.isAggregate)?.investment?.yuan).toBe(1_250_000_000);
  });
});

describe('the stage of a listed batch', () => {
  it('gives the stage word that closes a list to each listed project', () => {
    const ps = projectsOf(
      '园区内，星河光电年产5万片显示面板项目、宏达五金制品项目、云岭茶叶精深加工项目等重大项目建设正在扎实推进。',
    );
    expect(ps.length).toBeGreaterThanOrEqual(3);
    for (const p of ps) expect(p.stage?.stage).toBe('在建');
  });

  it('gives a batch’s attributive stage (此次集中签约的项目) to each project the sentence lists', () => {
    const ps = projectsOf(
      '此次集中签约的项目涵盖汽车部件和新材料，既有鹏程精工年产200万套汽车转向节、瑞丰塑业年产5万吨改性塑料等一批配套项目，又有龙湾文旅综合体等业态融合项目。',
    );
    expect(ps.length).toBe(3);
    for (const p of ps) expect(p.stage?.stage).toBe('签约');
  });
});

describe('the company of a listed project (eval README convention)', () => {
  it('keeps a brand split off a listed item’s name out of its companies, unless the project is reported on its own', () => {
    const listed = projectsOf('签约项目包括星耀光电年产500万片镜片项目、海岚食品年产2万吨罐头项目等。');
    expect(listed.length).toBe(2);
    for (const p of listed) expect(p.companies).toEqual([]);
    const alone = projectsOf('星耀光电年产500万片镜片项目总投资3亿元，预计年底投产。');
    expect(alone[0]?.companies.map((c) => c.name)).toEqual(['星耀光电']);
  });
});

describe('pinyin debris and spindles', () => {
  it('reads a passage whose converter wrote pinyin after characters', () => {
    const text = '縣工業園區的恒盛紡織有限公司年產(chǎn)30萬(wàn)紗錠項(xiàng)目開(kāi)工,總投資8億元。';
    const ps = projectsOf(text);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.investment?.yuan).toBe(800_000_000);
    const span = ps[0]?.investment?.span;
    expect(text.slice(span?.start, span?.end)).toBe('8億元');
  });

  it('reads spindles as a capacity, but not a mill’s existing scale', () => {
    expect(findCapacities('新建10万锭精梳紧密纺项目').map((c) => c.text)).toEqual(['10万锭']);
    expect(findCapacities('在已有21万锭的基础上扩建')).toEqual([]);
  });
});

describe('a zone opening a list of projects', () => {
  it('is where the listed projects are, not part of the first item’s name', () => {
    const text =
      '4月20日，青山经开区电子材料产业园、新型建材生产项目、精密模具生产项目等重大项目集中开工。此次集中开工的8个项目总投资20.6亿元。';
    const ps = projectsOf(text);
    const first = ps.find((p) => p.name.includes('电子材料产业园'));
    expect(first?.name.startsWith('青山')).toBe(false);
    expect(first?.park?.name).toBe('青山经开区');
    expect(ps.find((p) => p.name.includes('精密模具'))?.park?.name).toBe('青山经开区');
  });
});
