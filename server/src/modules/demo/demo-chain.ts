import { shanghaiYearBounds } from '../../../../shared/src/dates';
import type { Db } from '../../db/connect';
import type {
  ChainLeaderTable,
  ChainLinkTable,
  ChainParkTable,
  ChainTable,
  ChainTargetTable,
  FirmRelationTable,
  FirmTable,
} from '../../db/database';
import { newId } from '../../lib/ids';
import { CITY_KEY_CHAINS, DEMO_CHAINS, type LinkDef } from './demo-chain-data';
import { firmRow } from './demo-rows';

/**
 * The chains demo seeder (registered after the pipeline's): the chains of demo-chain-data.ts, the
 * pipeline's firms, leads and projects attached to links by their free-text chain, and invented
 * external firms (is_sample) with industry codes, business scope, tags and ties to the chain leaders,
 * so that every link has ranked targets. Deterministic; one transaction; batched inserts.
 */

const PLACES = [
  ['江苏', '江苏省'],
  ['浙江', '浙江省'],
  ['广东', '广东省'],
  ['上海', '上海市'],
  ['天津', '天津市'],
  ['河北', '河北省'],
  ['济南', '山东省济南市'],
  ['青岛', '山东省青岛市'],
] as const;
const WORDS = '华鑫泰恒瑞盛宏远德信嘉润博联达丰源通利和兴安康永';
const SIGNAL_TAGS = [['扩产'], ['融资'], ['拟上市'], ['产能紧张'], [], [], []];
const SIZES = ['large', 'medium', 'small', 'large', 'medium'] as const;
/** External sample targets per leaf link. */
const TARGETS_PER_LEAF = 4;

interface Rows {
  chains: ChainTable[];
  links: ChainLinkTable[];
  leaders: ChainLeaderTable[];
  parks: ChainParkTable[];
  targets: ChainTargetTable[];
  firms: FirmTable[];
  relations: FirmRelationTable[];
  /** Free-text chain_link → link id. */
  attach: Map<string, string>;
}

function linkRows(
  rows: Rows,
  chainId: string,
  defs: LinkDef[],
  position: string,
  parentId: string | null,
  nowIso: string,
  leaves: Array<{ link: ChainLinkTable; def: LinkDef }>,
) {
  defs.forEach((d, i) => {
    const link: ChainLinkTable = {
      id: newId(),
      chain_id: chainId,
      parent_id: parentId,
      name: d.name,
      position,
      sort_order: (i + 1) * 10,
      description: d.desc ?? null,
      industry_codes_json: JSON.stringify(d.codes ?? []),
      keywords_json: JSON.stringify(d.kw ?? []),
      priority: d.pri ?? 'medium',
      is_sample: 0,
      created_at: nowIso,
      updated_at: nowIso,
    };
    rows.links.push(link);
    for (const text of d.attach ?? []) rows.attach.set(text, link.id);
    if (d.children?.length) linkRows(rows, chainId, d.children, position, link.id, nowIso, leaves);
    else leaves.push({ link, def: d });
  });
}

/** Invented external firms that would fill a leaf link; some supply / buy from / partner a leader. */
function sampleTargets(
  rows: Rows,
  leaf: { link: ChainLinkTable; def: LinkDef },
  leaderIds: string[],
  seq: { n: number },
  nowIso: string,
) {
  const d = leaf.def;
  const product = d.product ?? d.name;
  for (let k = 0; k < TARGETS_PER_LEAF; k++) {
    const i = seq.n++;
    const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
    const w1 = WORDS[(i * 7) % WORDS.length] as string;
    const w2 = WORDS[(i * 11 + 3) % WORDS.length] as string;
    const code = k === 3 ? null : (d.codes?.[k % (d.codes.length || 1)] ?? null);
    const kws = d.kw ?? [d.name];
    const firm = firmRow(
      {
        name: `${place[0]}${w1}${w2}${product}有限公司`,
        region: place[1],
        industry_code: code,
        registered_capital: (((i * 37) % 50) + 1) * 10_000_000,
        size_class: SIZES[i % SIZES.length] as string,
        listed_exchange: i % 9 === 0 ? '（示例）' : null,
        listed_code: i % 9 === 0 ? `示例${800000 + i}` : null,
        is_local: 0,
        business_scope: `${kws.slice(0, k === 2 ? 1 : 3).join('、')}的研发、生产与销售（示例经营范围）`,
        // The link's first keyword as a tag: tags are in the firm's search text (the keyword prefilter).
        tags_json: JSON.stringify([kws[0], ...(SIGNAL_TAGS[i % SIGNAL_TAGS.length] ?? [])]),
        is_sample: 1,
      },
      nowIso,
    );
    rows.firms.push(firm);
    const leader = leaderIds[0];
    if (leader && k % 2 === 0) {
      const upstream = leaf.link.position === 'up';
      const down = leaf.link.position === 'down';
      rows.relations.push({
        id: newId(),
        // supplier: the target supplies the leader; customer: the target buys from the leader.
        from_firm_id: firm.id,
        to_firm_id: leader,
        kind: upstream ? 'supplier' : down ? 'customer' : 'partner',
        note: '示例关系',
        is_sample: 1,
        created_at: nowIso,
      });
    }
  }
}

async function chunked<T>(trx: Db['kysely'], table: string, list: T[], size = 200) {
  for (let i = 0; i < list.length; i += size) {
    // biome-ignore lint/suspicious/noExplicitAny: one helper for several tables with their own row types
    await (trx as any)
      .insertInto(table)
      .values(list.slice(i, i + size))
      .execute();
  }
}

export async function seedDemoChains(db: Db, nowIso: string): Promise<void> {
  const k = db.kysely;
  const year = Number(new Date(new Date(nowIso).getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const firms = await k
    .selectFrom('firm')
    .select(['id', 'name', 'short_name'])
    .where('is_sample', '=', 0)
    .execute();
  const firmId = (name: string) => firms.find((f) => f.name === name || f.short_name === name)?.id;
  const rows: Rows = {
    chains: [],
    links: [],
    leaders: [],
    parks: [],
    targets: [],
    firms: [],
    relations: [],
    attach: new Map(),
  };
  const seq = { n: 0 };
  DEMO_CHAINS.forEach((c, ci) => {
    const id = newId();
    rows.chains.push({
      id,
      name: c.name,
      name_en: c.nameEn,
      official_name: c.official[0],
      official_title: c.official[1],
      description: c.description ?? null,
      goal: c.goal ?? null,
      scope: c.scope,
      region: c.region,
      is_city_key: 0,
      sort_order: (ci + 1) * 10,
      is_sample: 0,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });
    const leaves: Array<{ link: ChainLinkTable; def: LinkDef }> = [];
    linkRows(rows, id, c.up, 'up', null, nowIso, leaves);
    linkRows(rows, id, c.mid, 'mid', null, nowIso, leaves);
    linkRows(rows, id, c.down, 'down', null, nowIso, leaves);
    const leaderIds = c.leaders.map(firmId).filter((x): x is string => !!x);
    for (const [position, fid] of leaderIds.entries()) {
      rows.leaders.push({ chain_id: id, firm_id: fid, link_id: null, note: null, position });
    }
    for (const [position, [name, note]] of c.parks.entries()) {
      rows.parks.push({ id: newId(), chain_id: id, name, note, position });
    }
    if (c.target) {
      rows.targets.push({
        chain_id: id,
        year,
        projects_target: c.target[0],
        investment_target: c.target[1],
        is_sample: 1,
      });
    }
    for (const leaf of leaves) sampleTargets(rows, leaf, leaderIds, seq, nowIso);
  });
  for (const [i, name] of CITY_KEY_CHAINS.entries()) {
    rows.chains.push({
      id: newId(),
      name,
      name_en: null,
      official_name: null,
      official_title: null,
      description: '全市12条重点产业链之一（报道只给出条数，链名为示例）',
      goal: null,
      scope: 'city',
      region: '山东省聊城市',
      is_city_key: 1,
      sort_order: 1000 + i,
      is_sample: 1,
      version: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });
  }

  await k.transaction().execute(async (trx) => {
    await chunked(trx, 'chain', rows.chains);
    await chunked(trx, 'chain_link', rows.links);
    await chunked(trx, 'chain_leader', rows.leaders);
    await chunked(trx, 'chain_park', rows.parks);
    await chunked(trx, 'chain_target', rows.targets);
    await chunked(trx, 'firm', rows.firms);
    await chunked(trx, 'firm_relation', rows.relations);
    // The pipeline's free-text chains become link ids (the text stays, as imported).
    for (const [text, linkId] of rows.attach) {
      for (const table of ['firm', 'lead', 'project'] as const) {
        await trx.updateTable(table).set({ link_id: linkId }).where('chain_link', '=', text).execute();
      }
    }
    // Invented targets sit around what the sample pipeline already reached (some ahead, some behind).
    for (const [i, target] of rows.targets.entries()) {
      const ids = rows.links.filter((l) => l.chain_id === target.chain_id).map((l) => l.id);
      const [from, to] = shanghaiYearBounds(year);
      const actual = await trx
        .selectFrom('project')
        .select([
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.sum<number>('total_investment').as('inv'),
        ])
        .where('link_id', 'in', ids)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .executeTakeFirst();
      const factor = [1.25, 0.9, 1.5, 1.1, 1.35, 0.95][i % 6] as number;
      const n = Number(actual?.n ?? 0);
      const inv = Number(actual?.inv ?? 0);
      if (n === 0) continue;
      await trx
        .updateTable('chain_target')
        .set({
          projects_target: Math.max(1, Math.round(n * factor)),
          investment_target: Math.round((inv * factor) / 100_000_000) * 100_000_000,
        })
        .where('chain_id', '=', target.chain_id)
        .where('year', '=', year)
        .execute();
    }
  });
}
