import type { Selectable } from 'kysely';
import { MU_CLASSES, type MuClass, type MuConfig } from '../../../../shared/src/agreement';
import type { MuEvaluation } from '../../../../shared/src/contract/agreement';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import type { MuEvaluationItemTable, MuEvaluationTable } from '../../db/database';
import type { MuResultItem } from './mu-compute';

export type MuCounts = MuEvaluation['counts'];

/** A page of a stored evaluation as the API answers it (saved figures parsed), with its counts. */
export function present(
  ev: Selectable<MuEvaluationTable>,
  items: readonly MuEvaluationItemTable[],
  previous: ReadonlyMap<string, string | null>,
  counts: MuCounts,
  paging: { total: number; page: number; pageSize: number },
): MuEvaluation {
  const dto = items.map((i) => {
    const saved = JSON.parse(i.values_json) as Pick<
      MuResultItem,
      'values' | 'scores' | 'landMu' | 'tax' | 'output'
    >;
    const cls = (i.class as MuClass | null) ?? null;
    const prev = previous.get(i.firm_id) ?? null;
    return {
      firmId: i.firm_id,
      firmName: i.firm_name,
      class: cls,
      score: i.score === null ? null : Number(i.score),
      rank: i.rank === null ? null : Number(i.rank),
      previousClass: prev && (MU_CLASSES as readonly string[]).includes(prev) ? (prev as MuClass) : null,
      landMu: saved.landMu,
      tax: saved.tax,
      output: saved.output,
      values: saved.values,
      scores: saved.scores,
      reason: i.reason ? (JSON.parse(i.reason) as Bilingual) : null,
    };
  });
  return {
    id: ev.id,
    year: Number(ev.year),
    isSample: ev.is_sample === 1,
    runAt: ev.run_at,
    runByName: ev.run_by_name,
    config: JSON.parse(ev.config_json) as MuConfig,
    benchmarks: JSON.parse(ev.benchmarks_json) as MuEvaluation['benchmarks'],
    counts,
    items: dto,
    ...paging,
  };
}
