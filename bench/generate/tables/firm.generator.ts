import { buildSearchText } from '../../../server/src/db/dialect-sql';
import { normaliseFirmName } from '../../../server/src/modules/firm/firm-name';
import { makeUscc } from '../../../shared/src/uscc';
import { defineGenerator } from '../types';
import { FORCED_LOCAL_FIRMS, leafLinkIndexOf } from './chain.generator';
import { chainOfFirm, firmFormerNames, firmName, firmShortName } from './pipeline-names';

export const firmGenerator = defineGenerator({
  table: 'firm',
  // 2: link_id (issue 4 chains) and the first firms of each chain local (its chain leaders).
  // 3: former names (aliases_json) for every fourth firm, indexed in firm_alias (issue 16).
  version: 3,
  dependsOn: [],
  counts: { small: 500, zone: 50_000, province: 5_000_000 },
  columns: [
    'id',
    'name',
    'name_norm',
    'short_name',
    'aliases_json',
    'uscc',
    'region',
    'industry_code',
    'registered_capital',
    'size_class',
    'is_local',
    'chain_link',
    'link_id',
    'contacts_json',
    'tags_json',
    'search_text',
    'is_sample',
    'version',
    'created_at',
    'updated_at',
  ],
  *rows(ctx) {
    const n = firmGenerator.counts[ctx.scale];
    for (let i = 0; i < n; i++) {
      const chain = chainOfFirm(i);
      const name = firmName(i);
      const link = `${chain.chain}·${ctx.rng.pick(chain.links)}`;
      const former = firmFormerNames(i);
      const at = new Date(ctx.nowMs - ctx.rng.int(1, 1000) * 86_400_000).toISOString();
      yield {
        id: ctx.idOf('firm', i),
        name,
        name_norm: normaliseFirmName(name),
        short_name: firmShortName(i),
        aliases_json: JSON.stringify(former),
        uscc: makeUscc(i),
        region: '山东省聊城市',
        industry_code: chain.industry,
        registered_capital: ctx.rng.int(1, 500) * 1_000_000,
        size_class: ctx.rng.pick(['large', 'medium', 'small', 'micro']),
        is_local: ctx.rng.chance(0.6) || i < FORCED_LOCAL_FIRMS ? 1 : 0,
        chain_link: link,
        link_id: ctx.idOf('chain_link', leafLinkIndexOf(i)),
        contacts_json: '[]',
        tags_json: '[]',
        search_text: buildSearchText([name, firmShortName(i), ...former, link]),
        is_sample: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
    }
  },
});
