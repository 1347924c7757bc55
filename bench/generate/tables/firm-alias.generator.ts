import { firmAliasRows } from '../../../server/src/modules/firm/firm-alias';
import { defineGenerator } from '../types';
import { firmGenerator } from './firm.generator';
import { firmFormerNames, firmName, firmShortName } from './pipeline-names';

/**
 * firm_alias (issue 16): each generated firm's other names (short name, former names), made by the
 * app's own firmAliasRows so the index matches what the firm form and imports write — a short name
 * that is the name without 有限公司 normalises to the name itself and gets no row, as in the app.
 * Names depend only on the firm's number, so they are rebuilt here without the firm generator's
 * random stream.
 */
export const firmAliasGenerator = defineGenerator({
  table: 'firm_alias',
  version: 1,
  dependsOn: ['firm'],
  // One former name for every fourth firm (firmFormerNames).
  counts: {
    small: Math.ceil(firmGenerator.counts.small / 4),
    zone: Math.ceil(firmGenerator.counts.zone / 4),
    province: Math.ceil(firmGenerator.counts.province / 4),
  },
  columns: ['firm_id', 'name_norm', 'name', 'kind'],
  *rows(ctx) {
    const n = firmGenerator.counts[ctx.scale];
    for (let i = 0; i < n; i++) {
      yield* firmAliasRows({
        id: ctx.idOf('firm', i),
        name: firmName(i),
        short_name: firmShortName(i),
        aliases_json: JSON.stringify(firmFormerNames(i)),
      });
    }
  },
});
