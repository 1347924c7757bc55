import { describe, expect, it } from 'vitest';
import { projectsOf } from './extract-test-helpers';

// Invented English reports.
describe('what a project in focus builds', () => {
  it('is part of that project, not a project of its own', () => {
    const text =
      'The construction of Lakeview Pharma Park with a total investment of 10 billion yuan was started on Monday. 5 billion yuan will be invested in the first phase of this project to build a green pharmaceutical production base and build a digital production line.';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['Lakeview Pharma Park']);
  });

  it('names the project when the text gives it no other name', () => {
    const text =
      'With the help of Northgate Energy, the project will build a battery production line with an annual output of 8GWh.';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['battery production line']);
  });
});

describe('English parks and bounds', () => {
  it('a project named after a park keeps the park in its name, and gets the figure', () => {
    const text =
      'The Phase II project of the Lakeview Machinery Park is planned to have a total investment of about RMB 4.8 billion Yuan.';
    expect(projectsOf(text)).toMatchObject([
      { name: 'Phase II project of the Lakeview Machinery Park', investment: { yuan: 4.8e9 } },
    ]);
  });

  it('a park that is itself a project named in the text is no park of its neighbours', () => {
    const text =
      'Northgate Industrial Park was launched into construction in 2004. Northgate Industrial Park and Eastbay Logistics Centre are expected to open next year.';
    const parks = projectsOf(text).map((p) => p.park?.name ?? null);
    expect(parks.every((p) => p !== 'Northgate Industrial Park')).toBe(true);
  });

  it('"each with an investment of more than" bounds a batch: no figure', () => {
    const text =
      'A total of 293 projects, each with an investment of more than 50 million yuan, were launched in Lakeview.';
    expect(projectsOf(text).map((p) => p.investment?.yuan ?? null)).not.toContain(5e7);
  });
});

describe('English phrases that name no project', () => {
  it('an ordinal, "new", "construction" or a province’s key project is a kind, not a name', () => {
    const text =
      'Lakeview Glass Plant, with an investment of 2 billion yuan, started construction on Monday. It is the province’s fourth project of its kind, and a vital provincial project. More new projects and construction projects will follow.';
    expect(projectsOf(text).map((p) => p.name)).toEqual(['Lakeview Glass Plant']);
  });
});

describe('English parks as places', () => {
  it('a park after in/at is where a project is, unless money goes into it or a firm owns it', () => {
    const names = (text: string) => projectsOf(text).map((p) => p.name);
    expect(
      names(
        'Northgate Battery Plant, with an investment of 3 billion yuan, started construction on Monday in Lakeview Industrial Park.',
      ),
    ).toEqual(['Northgate Battery Plant']);
    expect(
      names(
        'The firm signed a deal worth 1.5 billion yuan for investing in Eastbay packaging industry park.',
      ),
    ).toContain('Eastbay packaging industry park');
  });
});

describe('English parks that are places unless built, funded or staged', () => {
  const names = (text: string) =>
    projectsOf(text)
      .filter((p) => !p.isAggregate)
      .map((p) => p.name);

  it('takes the parks a zone consists of, or a ceremony was held in, as places', () => {
    expect(
      names(
        'The zone consists of four industrial parks, such as the Green Vehicle Park and Hehua Industrial Park. The signing ceremony was held in Sanhe Park. Currently, 40 projects costing 20 billion yuan are under construction.',
      ),
    ).toEqual([]);
  });

  it('still reads a park whose ground is broken, that has its own investment or its own stage', () => {
    const found = names(
      'The delivery ceremony for the first factory buildings of the Hehua Innovation Park was held on April 27. There is also the big data industrial park, which has an investment of 530 million yuan. Xiahe Industrial Park was launched into construction in May.',
    );
    expect(found.some((n) => /Hehua Innovation Park/.test(n))).toBe(true);
    expect(found.some((n) => /big data industrial park/i.test(n))).toBe(true);
    expect(found.some((n) => /Xiahe Industrial Park/.test(n))).toBe(true);
  });
});

describe('money written after the name it belongs to', () => {
  it('goes to the name a "which has an investment of" clause modifies, not to the next name', () => {
    const text =
      'The other three projects were signed online, with a total investment of 3.6 billion yuan, including the lakeside resort project in Qingshan district, which has an investment of 1.2 billion yuan, the Riverside Logistics City project in Baishui county, which has an investment of 1.5 billion yuan, the new materials project in Yunfan county, which has an investment of 0.9 billion yuan.';
    const invest = new Map(projectsOf(text).map((p) => [p.name, p.investment?.yuan]));
    expect(invest.get('lakeside resort project')).toBe(1.2e9);
    expect(invest.get('Riverside Logistics City project')).toBe(1.5e9);
    expect(invest.get('new materials project')).toBe(0.9e9);
  });

  it('leaves the money of a list item that names no project to nobody', () => {
    const text =
      'The projects include construction of a new campus of No.2 Middle School with a total investment of 780 million yuan, the solid waste treatment project with a total investment of 650 million yuan, and the bamboo decoration materials project with a total investment of 550 million yuan.';
    const invest = new Map(projectsOf(text).map((p) => [p.name, p.investment?.yuan]));
    expect(invest.get('solid waste treatment project')).toBe(6.5e8);
    expect(invest.get('bamboo decoration materials project')).toBe(5.5e8);
  });
});

describe('a size in a project’s name', () => {
  it('is the project’s capacity, whether it opens the name or stands right before it', () => {
    const text =
      'Construction started on the 5GW photovoltaic power generation project in Lakeview. Northgate Fibre started its 3,000-ton aramid fibre project on the same day.';
    const caps = new Map(projectsOf(text).map((p) => [p.name, p.capacity?.asWritten]));
    expect(caps.get('5GW photovoltaic power generation project')).toBe('5GW');
    expect(caps.get('aramid fibre project')).toBe('3,000-ton');
  });
});

describe('English output and tax', () => {
  it('reads output value and sales stated with a verb or after the amount, and numbers written as words', () => {
    const text =
      'The Lakeview battery base project has a total investment of 10 billion yuan. After reaching its capacity, the annual output value is about 8.5 billion yuan. Upon completion, the Northgate battery production line is expected to generate about eight billion yuan in sales annually and contribute around 500 million yuan in taxes.';
    const byName = new Map(projectsOf(text).map((p) => [p.name, p]));
    expect(byName.get('Lakeview battery base project')?.outputValue?.yuan).toBe(8.5e9);
    expect(byName.get('Northgate battery production line')?.outputValue?.yuan).toBe(8e9);
    expect(byName.get('Northgate battery production line')?.tax?.yuan).toBe(5e8);
  });

  it('gives the figures of a sentence about "their" output to the batch, not to the project in focus', () => {
    const text =
      'Lakeview Development Zone launched 10 major industrial projects, which involve a total investment of 2.1 billion yuan. People broke ground for the Lakeview Equipment Industry Project. Their total annual output is estimated to reach 4.3 billion yuan, and the tax revenue will reach 260 million yuan.';
    const [batch, single] = [
      projectsOf(text).find((p) => p.isAggregate),
      projectsOf(text).find((p) => !p.isAggregate),
    ];
    expect(batch).toMatchObject({ outputValue: { yuan: 4.3e9 }, tax: { yuan: 2.6e8 } });
    expect(single).toMatchObject({ outputValue: null, tax: null });
  });
});

describe('the zone an English report names again', () => {
  it('is the park of each project it lists, and a zone name does not run across a line break', () => {
    const text =
      'Updated: 2019-12-16 Source: Lakeview Daily\n\nLakeview Development Zone on December 12 commenced the construction of its 3 major industrial projects. These projects include: Northgate Tech Expansion Project, Riverside Factory Building Project, Hillside Plast Expansion Project. They will add a new engine to Lakeview Development Zone.';
    const parks = projectsOf(text)
      .filter((p) => !p.isAggregate)
      .map((p) => p.park?.name);
    expect(parks).toEqual([
      'Lakeview Development Zone',
      'Lakeview Development Zone',
      'Lakeview Development Zone',
    ]);
  });
});

describe('an appositive after a project name', () => {
  it('is another name of that project, and the figures after it are the project’s', () => {
    const text =
      'The groundbreaking ceremony for the Lakeview Sci-tech Park, an industrial park renovation project in Northgate Town, was held on May 11. The project has a total investment of 3.4 billion yuan.';
    const singles = projectsOf(text).filter((p) => !p.isAggregate);
    expect(singles.map((p) => [p.name, p.investment?.yuan])).toEqual([['Lakeview Sci-tech Park', 3.4e9]]);
  });
});

describe('an English stage only announced', () => {
  it('says a project is being built when its completion is to come, and nothing when only its start is', () => {
    const built = projectsOf(
      'Northgate Energy is building a battery production line in Lakeview. Upon its completion in three years, the line will generate 8 billion yuan in sales.',
    ).find((p) => p.name === 'battery production line');
    expect(built?.stage).toMatchObject({ stage: '在建', planned: false });
    const announced = projectsOf('The Lakeview logistics park project will start construction next year.');
    expect(announced[0]?.stage ?? null).toBeNull();
  });
});

describe('an English project named again by its brand', () => {
  it('is the project in focus, its topping-out is 主体完工, and a figure per mu is nobody’s', () => {
    const text =
      'Northgate Battery Project in Lakeview Equipment Park is under construction.\n\nThe first phase of the Northgate New Energy Equipment Manufacturing Industrial Park project has been topped out. It is expected to achieve an annual output value of 3 billion yuan, with an average annual tax payment of more than 150,000 yuan per mu. Northgate project is a major project introduced by the Lakeview Equipment Industrial Park with an investment of more than 1 billion yuan this year.';
    const singles = projectsOf(text).filter((p) => !p.isAggregate);
    const main = singles.find((p) => p.name.startsWith('Northgate New Energy'));
    expect(singles.map((p) => p.name)).toHaveLength(2);
    expect(main).toMatchObject({ investment: { yuan: 1e9 }, outputValue: { yuan: 3e9 }, tax: null });
    expect(main?.stage?.stage).toBe('主体完工');
  });
});

describe('an English group with its legal form', () => {
  it('is one company: Group Co Ltd, Group Co., Ltd.', () => {
    const companies = projectsOf(
      'Lakeview Group Co Ltd will build a 5GW photovoltaic power generation project in Northgate. Northgate Group Co., Ltd. built the Lighthouse Factory.',
    ).map((p) => p.companies.map((c) => c.name));
    expect(companies).toEqual([['Lakeview Group Co Ltd'], ['Northgate Group Co., Ltd.']]);
  });
});
