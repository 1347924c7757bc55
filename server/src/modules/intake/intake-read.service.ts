// Reading intakes back: one with its articles and proposals (and the links rows alone do not hold:
// earlier imports of the same article, firm names for ids), the list, and a record's provenance.

import type { IntakeArticleTable, IntakeProposalTable, IntakeTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { type IntakeDto, presentIntake, presentListItem, presentProvenance } from './intake.presenter';
import * as repo from './intake.repository';
import * as links from './intake-links.repository';

/** The DTO with what rows alone do not say: earlier imports of the same articles, firm names by id. */
export async function present(
  db: ServiceContext['db']['kysely'],
  intake: IntakeTable,
  articles: IntakeArticleTable[],
  proposals: IntakeProposalTable[],
): Promise<IntakeDto> {
  const earlier = await links.articlesByIds(db, [
    ...new Set(articles.flatMap((a) => (a.duplicate_of ? [a.duplicate_of] : []))),
  ]);
  const firmIds = proposals.flatMap((p) => {
    const id = (JSON.parse(p.payload_json) as { targetFirmId?: unknown }).targetFirmId;
    return typeof id === 'string' ? [id] : [];
  });
  const firmNames = await links.firmNamesByIds(db, [...new Set(firmIds)]);
  return presentIntake(intake, articles, proposals, { earlier, firmNames });
}

export async function getIntake(ctx: ServiceContext, id: string): Promise<IntakeDto> {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const intake = await repo.findIntake(db, id);
  if (!intake) throw errors.notFound('intake');
  const [articles, proposals] = await Promise.all([repo.articlesOf(db, id), repo.proposalsOf(db, id)]);
  return present(db, intake, articles, proposals);
}

export async function listIntakes(ctx: ServiceContext, page: { limit: number; offset: number }) {
  requireActor(ctx);
  const { rows, total } = await repo.listIntakes(ctx.db.kysely, page);
  return { items: rows.map(presentListItem), total };
}

/** The articles a firm, lead or project was changed from, newest first. */
export async function listProvenance(
  ctx: ServiceContext,
  entity: 'firm' | 'lead' | 'project',
  entityId: string,
) {
  requireActor(ctx);
  const rows = await repo.provenanceOf(ctx.db.kysely, entity, entityId);
  return { items: rows.map(presentProvenance) };
}
