import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';
import { SKIP_DB } from '../../test/test-db';

interface MapLink {
  id: string;
  name: string;
  parentId: string | null;
  state: string;
  total: { firms: number; projects: number };
}
interface Target {
  score: number;
  firm: { id: string; name: string };
  reasons: Array<{ factor: string; points: number; text: { zh: string }; tie?: { localFirmId: string } }>;
  referrer: { firmId: string; firmName: string } | null;
}

describe.skipIf(SKIP_DB)('industrial chains API', () => {
  let t: TestApp;
  let officer: Session;
  let leader: Session;
  let admin: Session;
  let petId: string;
  let links: MapLink[];
  const link = (name: string) => {
    const l = links.find((x) => x.name === name);
    if (!l) throw new Error(`no link ${name}`);
    return l;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('officer');
    leader = await t.login('leader');
    admin = await t.login('admin');
    const list = (await t.call(officer, 'GET', '/api/chains')).json() as {
      items: Array<{ id: string; name: string }>;
    };
    petId = list.items.find((c) => c.name === '宠物产业链')?.id ?? '';
    links = ((await t.call(officer, 'GET', `/api/chains/${petId}/map`)).json() as { links: MapLink[] }).links;
  });
  afterAll(async () => t?.close());

  it('draws the pet chain from the page: leader 乖宝宠物, park 坤源, states from local firms', async () => {
    const res = await t.call(leader, 'GET', `/api/chains/${petId}/map`);
    expect(res.statusCode).toBe(200);
    const map = res.json() as {
      chain: { leaders: Array<{ firmName: string }>; parks: Array<{ name: string }>; goal: string };
      summary: { coverage: number; missing: number; links: number };
      year: { projectsTarget: number | null; projectsActual: number };
    };
    expect(map.chain.leaders.map((l) => l.firmName)).toEqual(['乖宝宠物食品集团股份有限公司']);
    expect(map.chain.parks.map((p) => p.name)).toEqual(['坤源宠物食品用品产业园']);
    expect(map.chain.goal).toContain('宠物产业之都');
    for (const name of ['宠物食品', '宠物用品', '宠物训练与寄养', '宠物美容', '宠物医疗'])
      expect(link(name)).toBeTruthy();
    // 乖宝 is local and on 主粮: never missing. 零食 has no local firm: a gap.
    expect(link('主粮').state).not.toBe('missing');
    expect(link('主粮').total.projects).toBeGreaterThanOrEqual(2);
    expect(link('零食').state).toBe('missing');
    // A parent's counts include its sub-links'.
    expect(link('宠物食品').total.firms).toBeGreaterThanOrEqual(link('主粮').total.firms);
    expect(map.summary.missing).toBeGreaterThan(0);
    expect(map.summary.coverage).toBeGreaterThan(0);
    expect(map.year.projectsActual).toBeGreaterThan(0);
    expect(map.year.projectsTarget).not.toBeNull();
  });

  it('ranks the chains of the zone side by side and lists the 12 city key chains as sample data', async () => {
    const res = await t.call(leader, 'GET', '/api/chains/overview');
    const items = (
      res.json() as {
        items: Array<{
          rank: number;
          name: string;
          isSample: boolean;
          isCityKey: boolean;
          summary: { coverage: number };
        }>;
      }
    ).items;
    expect(items.map((i) => i.rank)).toEqual(items.map((_, n) => n + 1));
    const coverages = items.map((i) => i.summary.coverage);
    expect([...coverages].sort((a, b) => b - a)).toEqual(coverages);
    expect(items.map((i) => i.name)).toEqual(
      expect.arrayContaining(['宠物产业链', '高端装备产业链', '家居产业链', '阳谷县铜及铜精深加工产业链']),
    );
    const city = items.filter((i) => i.isCityKey);
    expect(city).toHaveLength(12);
    expect(city.every((c) => c.isSample)).toBe(true);
  });

  it('ranks external targets for a missing link with reasons that add up to each score', async () => {
    const res = await t.call(
      officer,
      'GET',
      `/api/chains/${petId}/links/${link('零食').id}/targets?limit=20`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Target[]; candidates: number };
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    const scores = body.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of body.items) {
      expect(Math.round(item.reasons.reduce((s, r) => s + r.points, 0) * 10) / 10).toBe(item.score);
    }
    const tied = body.items.find((i) => i.reasons.some((r) => r.factor === 'tie'));
    expect(tied?.referrer?.firmName).toBe('乖宝宠物食品集团股份有限公司');
    expect(tied?.reasons.find((r) => r.factor === 'tie')?.text.zh).toMatch(/乖宝宠物/);
  });

  it('every missing leaf link of the demo chains has targets', async () => {
    const chains = (await t.call(officer, 'GET', '/api/chains')).json() as {
      items: Array<{ id: string; scope: string }>;
    };
    for (const c of chains.items.filter((x) => x.scope !== 'city')) {
      const map = (await t.call(officer, 'GET', `/api/chains/${c.id}/map`)).json() as { links: MapLink[] };
      const leaves = map.links.filter(
        (l) => !map.links.some((x) => x.parentId === l.id) && l.state === 'missing',
      );
      for (const l of leaves) {
        const res = (
          await t.call(officer, 'GET', `/api/chains/${c.id}/links/${l.id}/targets?limit=3`)
        ).json() as {
          items: Target[];
        };
        expect(res.items.length, `${l.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('lets a leader set the zone weights (officers may not), and the weights change the ranking', async () => {
    const url = `/api/chains/${petId}/links/${link('零食').id}/targets?limit=30`;
    const before = (await t.call(officer, 'GET', url)).json() as { items: Target[] };
    const settings = (await t.call(leader, 'GET', '/api/chains/settings')).json() as { version: number };
    const weights = { industry: 0, keyword: 0, tie: 0, size: 100, listed: 0, signal: 0 };
    expect(
      (await t.call(officer, 'PUT', '/api/chains/settings', { weights, version: settings.version }))
        .statusCode,
    ).toBe(403);
    const saved = await t.call(leader, 'PUT', '/api/chains/settings', { weights, version: settings.version });
    expect(saved.statusCode).toBe(200);
    expect(
      (await t.call(leader, 'PUT', '/api/chains/settings', { weights, version: settings.version }))
        .statusCode,
    ).toBe(409);
    const after = (await t.call(officer, 'GET', url)).json() as { items: Target[] };
    expect(after.items.every((i) => i.reasons.every((r) => r.factor === 'size'))).toBe(true);
    expect(after.items.map((i) => i.firm.id)).not.toEqual(before.items.map((i) => i.firm.id));
    const restored = await t.call(leader, 'PUT', '/api/chains/settings', {
      weights: { industry: 30, keyword: 20, tie: 25, size: 10, listed: 5, signal: 10 },
      version: (saved.json() as { version: number }).version,
    });
    expect(restored.statusCode).toBe(200);
  });

  it('makes a pre-filled lead from a target, once, found in "my leads", with its origin and audit', async () => {
    const targets = (
      await t.call(officer, 'GET', `/api/chains/${petId}/links/${link('零食').id}/targets`)
    ).json() as {
      items: Target[];
    };
    const target = targets.items.find((i) => i.referrer) as Target;
    const url = `/api/chains/${petId}/links/${link('零食').id}/targets/${target.firm.id}/lead`;
    expect((await t.call(leader, 'POST', url, {})).statusCode).toBe(403);
    const res = await t.call(officer, 'POST', url, {});
    expect(res.statusCode).toBe(201);
    const { lead, origin } = res.json() as {
      lead: {
        id: string;
        source: string;
        referrerFirmName: string;
        targetFirmId: string;
        chainLink: string;
        ownerName: string;
      };
      origin: { score: number; linkName: string };
    };
    expect(lead).toMatchObject({
      source: 'referral',
      referrerFirmName: target.referrer?.firmName,
      targetFirmId: target.firm.id,
      chainLink: '宠物产业链·零食',
    });
    expect(origin).toMatchObject({ score: target.score, linkName: '零食' });
    const stored = await t.db.kysely
      .selectFrom('lead')
      .select(['link_id', 'origin_json'])
      .where('id', '=', lead.id)
      .executeTakeFirstOrThrow();
    expect(stored.link_id).toBe(link('零食').id);
    expect(JSON.parse(stored.origin_json ?? '{}').kind).toBe('chain-target');
    const again = await t.call(officer, 'POST', url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LEAD_EXISTS');
    const mine = (await t.call(officer, 'GET', '/api/leads?mine=true&limit=200')).json() as {
      items: Array<{ id: string }>;
    };
    expect(mine.items.map((l) => l.id)).toContain(lead.id);
    const audit = (await t.call(admin, 'GET', `/api/audit?entity=lead&entityId=${lead.id}`)).json() as {
      items: Array<{ action: string }>;
    };
    expect(audit.items.map((a) => a.action)).toEqual(['create']);
    // The map now counts the open lead on the link.
    const map = (await t.call(officer, 'GET', `/api/chains/${petId}/map`)).json() as {
      links: Array<MapLink & { own: { leads: number } }>;
    };
    expect(map.links.find((l) => l.name === '零食')?.own.leads).toBe(1);
    // Signed, it becomes a project on the same link: the map counts it there.
    const signed = await t.call(officer, 'POST', `/api/leads/${lead.id}/sign`, {
      version: 1,
      projectName: '冻干宠物零食项目（测试）',
      totalInvestment: 200_000_000,
      signedDate: '2026-03-01',
    });
    expect(signed.statusCode).toBe(201);
    const after = (await t.call(officer, 'GET', `/api/chains/${petId}/map`)).json() as {
      links: Array<MapLink & { own: { projects: number; investment: number; leads: number } }>;
    };
    expect(after.links.find((l) => l.name === '零食')?.own).toMatchObject({
      projects: 1,
      investment: 200_000_000,
      leads: 0,
    });
  });

  it('attaches records to links under each record’s own rule, and lists link options', async () => {
    const options = (await t.call(officer, 'GET', '/api/chains/link-options')).json() as {
      items: Array<{ id: string; path: string }>;
    };
    expect(options.items.map((o) => o.path)).toContain('宠物产业链 / 宠物食品 / 零食');
    const someoneElses = await t.db.kysely
      .selectFrom('lead')
      .select('id')
      .where('owner_id', 'is', null)
      .executeTakeFirst();
    if (someoneElses) {
      const res = await t.call(officer, 'PUT', '/api/chains/attachments', {
        entity: 'lead',
        id: someoneElses.id,
        linkId: link('零食').id,
      });
      expect(res.statusCode).toBe(403);
    }
    const bad = await t.call(officer, 'PUT', '/api/chains/attachments', {
      entity: 'firm',
      id: 'nope',
      linkId: null,
    });
    expect(bad.statusCode).toBe(404);
    const records = (
      await t.call(officer, 'GET', `/api/chains/${petId}/links/${link('宠物食品').id}/records`)
    ).json() as {
      firms: Array<{ name: string }>;
      linkIds: string[];
    };
    expect(records.linkIds.length).toBe(4);
    expect(records.firms.map((f) => f.name)).toContain('乖宝宠物');
  });

  it('draws the referral network: 宏通地质 brought 瀚洋重工（天津）, which became the project', async () => {
    const res = await t.call(leader, 'GET', '/api/referrals');
    expect(res.statusCode).toBe(200);
    const net = res.json() as {
      referrers: Array<{ firmName: string; leads: number; projects: number }>;
      edges: Array<{ kind: string }>;
      nodes: Array<{ name: string; kind: string }>;
    };
    expect(net.referrers.find((r) => r.firmName === '宏通地质')).toMatchObject({ leads: 1, projects: 1 });
    expect(net.nodes.some((n) => n.kind === 'project' && n.name === '瀚洋重工大型高端特种装备项目')).toBe(
      true,
    );
    expect(net.edges.some((e) => e.kind === 'became')).toBe(true);
  });

  it('keeps chains from departments and enterprises, and unknown ids are 404', async () => {
    for (const user of ['dept', 'firm']) {
      const s = await t.login(user);
      expect((await t.call(s, 'GET', '/api/chains')).statusCode).toBe(403);
      expect((await t.call(s, 'GET', '/api/referrals')).statusCode).toBe(403);
    }
    expect((await t.call(officer, 'GET', '/api/chains/nope/map')).statusCode).toBe(404);
    expect((await t.call(officer, 'GET', `/api/chains/${petId}/links/nope/targets`)).statusCode).toBe(404);
  });
});
