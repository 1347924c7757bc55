import type { Kysely, Transaction } from 'kysely';
import {
  type ClosingFacts,
  closingGaps,
  closingGapsMessage,
  EVIDENCE_ENTITIES,
  type EvidenceEntity,
} from '../../../../shared/src/closing';
import type { EvidenceLink, EvidenceLinkView } from '../../../../shared/src/contract/task';
import type { Database } from '../../db/database';
import { errors } from '../../plugins/errors';

type Q = Kysely<Database> | Transaction<Database>;

const TABLE_OF: Record<EvidenceEntity, 'project' | 'factor_request' | 'task'> = {
  project: 'project',
  request: 'factor_request',
  task: 'task',
};

/** Refuses a link to a record that does not exist (400 naming the field), before anything is written. */
export async function assertEvidenceLink(db: Q, link: EvidenceLink | null | undefined): Promise<void> {
  if (!link) return;
  const found = await db
    .selectFrom(TABLE_OF[link.entity])
    .select('id')
    .where('id', '=', link.id)
    .executeTakeFirst();
  if (!found) {
    throw errors.validation([
      {
        path: 'evidenceLink.id',
        message: { zh: '关联的佐证记录不存在', en: 'The linked evidence record does not exist' },
      },
    ]);
  }
}

/** How a linked record reads on the page: its code or name, so a checker knows what to open. */
export async function evidenceLinkView(
  db: Q,
  entity: string | null,
  id: string | null,
): Promise<EvidenceLinkView | null> {
  if (!entity || !id || !(EVIDENCE_ENTITIES as readonly string[]).includes(entity)) return null;
  const e = entity as EvidenceEntity;
  let label: string | undefined;
  if (e === 'project') {
    label = (await db.selectFrom('project').select('name').where('id', '=', id).executeTakeFirst())?.name;
  } else if (e === 'request') {
    const r = await db
      .selectFrom('factor_request')
      .select(['code', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
    label = r ? `${r.code} ${r.title}` : undefined;
  } else {
    const r = await db.selectFrom('task').select(['code', 'title']).where('id', '=', id).executeTakeFirst();
    label = r ? `${r.code} ${r.title}` : undefined;
  }
  return { entity: e, id, label: label ?? id };
}

/** Throws the bilingual 400 naming every unmet condition (field `closing`, code CLOSING_CONDITIONS_UNMET). */
export function assertClosingConditions(facts: ClosingFacts): void {
  const gaps = closingGaps(facts);
  if (gaps.length === 0) return;
  const message = closingGapsMessage(gaps);
  throw errors.badRequest('CLOSING_CONDITIONS_UNMET', message, [{ path: 'closing', message }], {
    missing: gaps,
  });
}
