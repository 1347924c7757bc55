import { canMoveLead, type LeadStatus } from '../../../../../shared/src/lead-status';

/** The statuses a lead may move to from here (signing has its own action), and which need a reason. */
export function leadMoves(from: LeadStatus): { to: LeadStatus; needsReason: boolean }[] {
  const targets: LeadStatus[] = ['new', 'contacted', 'visited', 'negotiating', 'shelved', 'lost'];
  return targets
    .filter((to) => canMoveLead(from, to, { reason: 'x' }).ok)
    .map((to) => ({ to, needsReason: !canMoveLead(from, to).ok }));
}
