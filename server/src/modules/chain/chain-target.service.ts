import type { z } from 'zod';
import { CHAIN_LIMITS, type RankingWeights } from '../../../../shared/src/chain';
import { addDays, todayInShanghai } from '../../../../shared/src/dates';
import { findIndustry } from '../../../../shared/src/industry-codes';
import type { LeadTable } from '../../db/database';
import type { ReadRunner } from '../../db/read-pool';
import { newId } from '../../lib/ids';
import { nextCode } from '../../lib/sql-helpers';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { auditableLead } from '../lead/lead.presenter';
import { getLead, insertLead, refreshLeadSearchText } from '../lead/lead.service';
import type { targetItemSchema, targetsResponseSchema } from './chain.presenter';
import type { chainReadTasks } from './chain.read-tasks';
import * as repo from './chain.repository';
import { scoreOneTarget } from './chain-targets.task';
import type { ScoredTarget } from './target-ranking.service';
import { parseWeights } from './target-ranking.service';

type TargetItem = z.infer<typeof targetItemSchema>;

/** The referrer a lead from this target gets: the local firm of the best tie (以商招商). */
function referrerOf(t: ScoredTarget) {
  const tie = t.reasons.find((r) => r.factor === 'tie')?.tie;
  if (!tie) return null;
  const firmName = tie.localFirmId === tie.fromFirmId ? tie.fromFirmName : tie.toFirmName;
  return { firmId: tie.localFirmId, firmName };
}

function presentTarget(
  t: ScoredTarget & { existingLead: { id: string; code: string } | null; isSample: boolean },
  rank: number,
): TargetItem {
  return {
    rank,
    score: t.score,
    firm: {
      id: t.firm.id,
      name: t.firm.name,
      industryCode: t.firm.industryCode,
      industryName: t.firm.industryCode ? (findIndustry(t.firm.industryCode)?.name ?? null) : null,
      region: t.firm.region,
      sizeClass: t.firm.sizeClass,
      registeredCapital: t.firm.registeredCapital,
      listedCode: t.firm.listedCode,
      isSample: t.isSample,
    },
    reasons: t.reasons.map((r) => ({
      factor: r.factor,
      value: r.value,
      points: r.points,
      text: r.text,
      ...(r.tie
        ? {
            tie: {
              kind: r.tie.kind,
              fromFirmId: r.tie.fromFirmId,
              fromFirmName: r.tie.fromFirmName,
              toFirmId: r.tie.toFirmId,
              toFirmName: r.tie.toFirmName,
              localFirmId: r.tie.localFirmId,
              strength: r.tie.strength,
            },
          }
        : {}),
    })),
    referrer: referrerOf(t),
    existingLead: t.existingLead,
  };
}

/** GET /api/chains/:id/links/:linkId/targets — ranked external firms with their reasons. */
export async function listTargets(
  ctx: ServiceContext,
  reads: ReadRunner<typeof chainReadTasks>,
  chainId: string,
  linkId: string,
  q: { limit?: number | undefined; weights?: RankingWeights | null | undefined },
): Promise<z.infer<typeof targetsResponseSchema>> {
  const link = await repo.findLink(ctx.db.kysely, linkId);
  if (!link || link.chain_id !== chainId) throw errors.notFound('chain_link');
  const limit = Math.min(q.limit ?? 30, CHAIN_LIMITS.maxTargets);
  const res = await reads.run('chain.targets', { linkId, limit, weights: q.weights ?? null });
  return {
    chainId,
    linkId,
    linkName: link.name,
    weights: res.weights,
    candidates: res.candidates,
    items: res.items.map((t, i) => presentTarget(t, i + 1)),
  };
}

export interface LeadFromTargetInput {
  title?: string | undefined;
  /** Overrides the referrer the best tie suggests (null: no referrer). */
  referrerFirmId?: string | null | undefined;
  nextStep?: string | null | undefined;
  nextStepDate?: string | null | undefined;
}

/**
 * POST /api/chains/:id/links/:linkId/targets/:firmId/lead — "create lead" from a ranked target: the
 * lead is pre-filled (target firm, link, source, the referring local firm when the reason was a tie)
 * and remembers where it came from (origin: the score and reasons at that moment).
 */
export async function createLeadFromTarget(
  ctx: ServiceContext,
  chainId: string,
  linkId: string,
  firmId: string,
  input: LeadFromTargetInput,
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const chain = await repo.findChain(db, chainId);
  const scored = await scoreOneTarget(db, linkId, firmId);
  if (!chain || !scored || scored.link.chain_id !== chainId) throw errors.notFound('chain_link');
  if (!scored.item) throw errors.notFound('firm');
  const t = scored.item;
  if (t.existingLead) {
    throw errors.conflict(
      'LEAD_EXISTS',
      {
        zh: `该企业已有在办线索 ${t.existingLead.code}`,
        en: `This firm already has an open lead ${t.existingLead.code}`,
      },
      [],
      { lead: t.existingLead },
    );
  }
  const suggested = referrerOf(t);
  const referrerId = input.referrerFirmId !== undefined ? input.referrerFirmId : (suggested?.firmId ?? null);
  if (referrerId && !(await repo.firmsExist(db, [referrerId])).length) {
    throw errors.validation([{ path: 'referrerFirmId', message: { zh: '企业不存在', en: 'No such firm' } }]);
  }
  const nowIso = ctx.clock.now().toISOString();
  const day = todayInShanghai(ctx.clock.now());
  const link = scored.link;
  const origin = {
    kind: 'chain-target',
    chainId,
    chainName: chain.name,
    linkId,
    linkName: link.name,
    score: t.score,
    weights: scored.weights,
    reasons: t.reasons.map((r) => ({ factor: r.factor, points: r.points, text: r.text })),
    at: nowIso,
    by: actor.username,
  };
  const id = newId();
  const row: LeadTable & { link_id: string; origin_json: string } = {
    id,
    code: '',
    title: input.title ?? `${t.firm.name} · ${link.name}（${chain.name}补链目标）`.slice(0, 120),
    target_firm_id: firmId,
    target_name: null,
    source: referrerId ? 'referral' : 'other',
    referrer_firm_id: referrerId,
    chain_link: `${chain.name}·${link.name}`,
    link_id: linkId,
    origin_json: JSON.stringify(origin),
    estimated_investment: null,
    owner_id: actor.role === 'officer' ? actor.userId : null,
    status: 'new',
    status_reason: null,
    next_step: input.nextStep ?? '初步接洽，了解投资意向',
    // A target turned into a lead is worth a first contact within a week.
    next_step_date: input.nextStepDate ?? addDays(day, 7),
    project_id: null,
    search_text: '',
    is_sample: 0,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await db.transaction().execute(async (trx) => {
    row.code = await nextCode(trx, 'lead', 'XS', day.slice(0, 4));
    await insertLead(trx, row);
    await refreshLeadSearchText(trx, [id]);
    await writeAudit(trx, ctx, {
      entity: 'lead',
      entityId: id,
      action: 'create',
      after: {
        ...auditableLead(row),
        link_id: linkId,
        origin: { kind: origin.kind, chainId, linkId, score: t.score },
      },
    });
  });
  return { lead: await getLead(ctx, id), origin };
}

/** The zone's ranking weights (defaults until someone sets them). */
export async function getWeights(ctx: ServiceContext) {
  const zone = await repo.zoneId(ctx.db.kysely);
  const row = zone ? await repo.findSetting(ctx.db.kysely, zone.id) : undefined;
  return {
    weights: parseWeights(row?.weights_json),
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function setWeights(ctx: ServiceContext, input: { weights: RankingWeights; version: number }) {
  requireActor(ctx);
  const db = ctx.db.kysely;
  const zone = await repo.zoneId(db);
  if (!zone) throw errors.notFound('zone');
  const before = await repo.findSetting(db, zone.id);
  if ((before?.version ?? 0) !== input.version) throw errors.stale();
  const nowIso = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const ok = await repo.upsertSetting(
      trx,
      zone.id,
      JSON.stringify(input.weights),
      before ? before.version : null,
      nowIso,
    );
    if (!ok) throw errors.stale();
    await writeAudit(trx, ctx, {
      entity: 'chain_setting',
      entityId: zone.id,
      action: before ? 'update' : 'create',
      before: before ? { weights: parseWeights(before.weights_json) } : null,
      after: { weights: input.weights },
    });
  });
  return getWeights(ctx);
}
