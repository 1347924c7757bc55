import type { LinkOption } from '../../../../shared/src/contract/chain';
import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { assertRecordLinkable, subtreeIds } from './chain.policy';
import type { chainReadTasks } from './chain.read-tasks';
import * as repo from './chain.repository';

/**
 * Firms, leads and projects on links: the picker's options (which replace the pipeline's free-text
 * chain), attaching a record to a link, and a link's records for the map's drawer.
 */

export { linkOptionSchema, linkRecordsSchema } from '../../../../shared/src/contract/chain';

/** Every link of every chain, as picker options (a zone has hundreds of links, not thousands). */
export async function linkOptions(ctx: ServiceContext) {
  const db = ctx.db.kysely;
  const chains = await repo.listChains(db);
  const out: LinkOption[] = [];
  for (const c of chains) {
    const links = await repo.linksOf(db, c.id);
    const visit = (parentId: string | null, path: string, depth: number) => {
      for (const l of links.filter((x) => x.parent_id === parentId)) {
        const p = `${path} / ${l.name}`;
        out.push({
          id: l.id,
          chainId: c.id,
          chainName: c.name,
          name: l.name,
          path: p,
          position: l.position,
          depth,
        });
        visit(l.id, p, depth + 1);
      }
    };
    visit(null, c.name, 0);
  }
  return out;
}

export const ATTACHABLE = ['firm', 'lead', 'project'] as const;
export type Attachable = (typeof ATTACHABLE)[number];

/** Attaches a firm, lead or project to a link (or detaches it with null); audited as an edit of it. */
export async function attachRecord(
  ctx: ServiceContext,
  input: { entity: Attachable; id: string; linkId: string | null },
) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const row = await repo.linkableRecord(db, input.entity, input.id);
  if (!row) throw errors.notFound(input.entity);
  assertRecordLinkable(actor, input.entity, row);
  let linkName: string | null = null;
  if (input.linkId) {
    const link = await repo.findLink(db, input.linkId);
    if (!link)
      throw errors.validation([{ path: 'linkId', message: { zh: '环节不存在', en: 'No such link' } }]);
    linkName = link.name;
  }
  const nowIso = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.setRecordLink(trx, input.entity, input.id, input.linkId, nowIso);
    await writeAudit(trx, ctx, {
      entity: input.entity,
      entityId: input.id,
      action: 'link',
      before: { link_id: row.link_id },
      after: { link_id: input.linkId, link_name: linkName },
    });
  });
  return { entity: input.entity, id: input.id, linkId: input.linkId };
}

/** A link's (and its sub-links') firms, projects and leads: the drawer of the chain map. */
export async function linkRecords(
  ctx: ServiceContext,
  reads: ReadRunner<typeof chainReadTasks>,
  chainId: string,
  linkId: string,
) {
  const links = await repo.linksOf(ctx.db.kysely, chainId);
  if (!links.some((l) => l.id === linkId)) throw errors.notFound('chain_link');
  const linkIds = subtreeIds(links, linkId);
  const r = await reads.run('chain.link-records', { linkIds });
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    linkIds,
    firms: r.firms.map((f) => ({
      id: f.id,
      name: f.short_name ?? f.name,
      isLocal: f.is_local === 1,
      linkId: f.link_id,
      registeredCapital: num(f.registered_capital),
      isSample: f.is_sample === 1,
    })),
    projects: r.projects.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      stage: p.stage,
      totalInvestment: num(p.total_investment),
      linkId: p.link_id,
      isSample: p.is_sample === 1,
    })),
    leads: r.leads.map((l) => ({
      id: l.id,
      code: l.code,
      title: l.title,
      status: l.status,
      source: l.source,
      targetName: l.target_name,
      estimatedInvestment: num(l.estimated_investment),
      linkId: l.link_id,
      isSample: l.is_sample === 1,
    })),
  };
}
