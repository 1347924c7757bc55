import type { ReadRunner } from '../../db/read-pool';
import type { ServiceContext } from '../../plugins/context';
import type { chainReadTasks } from './chain.read-tasks';

/**
 * 以商招商 (referral) network: which firms already in the zone brought which leads and projects.
 * Nodes are firms (referrers and targets) and projects; edges are "referred" (referrer → target
 * firm, one per lead) and "became" (target → the project the lead was signed into).
 */

/** The most leads the network draws; a zone has hundreds of referral leads, not tens of thousands. */
const MAX_REFERRALS = 2000;

import type { ReferralNetwork } from '../../../../shared/src/contract/chain';

export { type ReferralNetwork, referralNetworkSchema } from '../../../../shared/src/contract/chain';

export async function referralNetwork(
  ctx: ServiceContext,
  reads: ReadRunner<typeof chainReadTasks>,
): Promise<ReferralNetwork> {
  void ctx;
  const rows = await reads.run('chain.referrals', { limit: MAX_REFERRALS + 1 });
  const truncated = rows.length > MAX_REFERRALS;
  const list = rows.slice(0, MAX_REFERRALS);
  const totals = new Map<string, ReferralNetwork['referrers'][number]>();
  const nodes = new Map<string, ReferralNetwork['nodes'][number]>();
  const edges: ReferralNetwork['edges'] = [];
  const node = (id: string, kind: 'referrer' | 'target' | 'project', name: string, entityId: string) => {
    const n = nodes.get(id) ?? { id, kind, name, entityId, value: 0 };
    // A firm that refers and is referred is drawn as a referrer.
    if (kind === 'referrer') n.kind = 'referrer';
    n.value++;
    nodes.set(id, n);
    return n;
  };
  for (const r of list) {
    const t = totals.get(r.referrer_id) ?? {
      firmId: r.referrer_id,
      firmName: r.referrer_short_name ?? r.referrer_name,
      isLocal: r.referrer_is_local === 1,
      leads: 0,
      openLeads: 0,
      projects: 0,
      investment: 0,
    };
    t.leads++;
    if (r.lead_status !== 'signed' && r.lead_status !== 'lost') t.openLeads++;
    if (r.project_id) {
      t.projects++;
      t.investment += Number(r.project_investment ?? 0);
    }
    totals.set(r.referrer_id, t);
    const from = node(
      `f:${r.referrer_id}`,
      'referrer',
      r.referrer_short_name ?? r.referrer_name,
      r.referrer_id,
    );
    const targetName = r.target_firm_name ?? r.target_name ?? r.lead_title;
    const to = r.target_id
      ? node(`f:${r.target_id}`, 'target', targetName, r.target_id)
      : node(`l:${r.lead_id}`, 'target', targetName, r.lead_id);
    edges.push({
      source: from.id,
      target: to.id,
      kind: 'referred',
      leadId: r.lead_id,
      leadCode: r.lead_code,
      status: r.lead_status,
      isSample: r.lead_is_sample === 1,
    });
    if (r.project_id && r.project_name) {
      const p = node(`p:${r.project_id}`, 'project', r.project_name, r.project_id);
      edges.push({
        source: to.id,
        target: p.id,
        kind: 'became',
        leadId: r.lead_id,
        leadCode: r.lead_code,
        status: r.project_stage,
        isSample: r.lead_is_sample === 1,
      });
    }
  }
  const referrers = [...totals.values()].sort(
    (a, b) => b.projects - a.projects || b.investment - a.investment || b.leads - a.leads,
  );
  return { referrers, nodes: [...nodes.values()], edges, truncated };
}
