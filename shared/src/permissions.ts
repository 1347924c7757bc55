import type { Role } from './roles';

/**
 * Action names, shared by server (authorisation) and web (what to show). A route names exactly one;
 * record-level scope (own firm, own department) is checked again in each area's policy.
 */
export const PERMISSIONS = {
  'audit.read': ['admin'],
  'user.manage': ['admin'],
  'department.read': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  // Who heads each unit decides where escalations go: the zone's IT sets it, like accounts.
  'department.manage': ['admin'],
  // API tokens are for connecting the zone's own systems; a firm's staff work through the web, so
  // an enterprise user gets no token menu it would never use (issue 15).
  'token.manage-own': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  'system.backup': ['admin'],
  // Pipeline (issue 3). Record-level scope (enterprise: own firm; officer: own leads/projects) is
  // checked again in firm/lead/project.policy.ts.
  'firm.read': ['admin', 'leader', 'officer', 'enterprise'],
  'firm.write': ['admin', 'officer'],
  // The zone's own view of a firm — its notes, labels, lead count and 以商招商 relations with other
  // firms — is for zone staff; an enterprise user sees the firm's registry facts (decision 011).
  'firm.internal': ['admin', 'leader', 'officer'],
  'lead.read': ['admin', 'leader', 'officer'],
  'lead.write': ['admin', 'officer'],
  'project.read': ['admin', 'leader', 'officer', 'enterprise'],
  'project.write': ['admin', 'officer'],
  'import.run': ['admin', 'officer'],
  // Industrial chains (issue 4). Everyone who works the pipeline reads chain maps, gaps, targets
  // and the referral network; officers (who own the promotion work) and admins edit chains;
  // leaders (链长, directors) read and set the zone's ranking weights, which say what the zone
  // values. See docs/decisions/ (chain permissions).
  'chain.read': ['admin', 'leader', 'officer'],
  'chain.write': ['admin', 'officer'],
  'chain.weights': ['admin', 'leader'],
  // Factor guarantees and supervision (issue 5). Record-level scope (a department: its own queue
  // and tasks; an enterprise: its firm's requests; nobody closes a task their unit leads) is
  // checked again in request/task/problem.policy.ts.
  'request.read': ['admin', 'leader', 'officer', 'department', 'enterprise', 'supervisor'],
  'request.create': ['admin', 'officer', 'enterprise'],
  'request.assign': ['admin', 'officer'],
  'request.act': ['admin', 'officer', 'department', 'enterprise'],
  'request.note': ['admin', 'leader', 'officer', 'department', 'enterprise'],
  'request.overview': ['admin', 'leader', 'officer', 'supervisor'],
  'task.read': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  'task.write': ['admin', 'leader', 'officer'],
  'task.report': ['admin', 'officer', 'department'],
  // Closing (销号) a task or verifying a problem item's closing is a supervision judgement on the
  // unit's claim: the supervision office (督查室) and the assigning leaders hold it, never the lead
  // unit itself (task/problem.policy.ts). Admins keep it as a stand-in where no office is staffed,
  // and like everyone never for work their own unit leads (decision 013).
  'supervision.verify': ['admin', 'leader', 'supervisor'],
  'campaign.read': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  'campaign.write': ['admin', 'leader', 'officer'],
  'problem.read': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  'problem.write': ['admin', 'leader', 'officer'],
  // The responsible unit (or an officer or admin on its behalf) proposes an item's 销号 with evidence.
  'problem.propose': ['admin', 'officer', 'department'],
  'programme.read': ['admin', 'leader', 'officer', 'department', 'supervisor'],
  'programme.write': ['admin', 'officer'],
  'notify.manage': ['admin'],
  // News intake (issue 7): officers and admins paste/upload news and apply reviewed proposals
  // (through the pipeline services, whose record rules still apply); leaders read intakes and sources.
  'intake.read': ['admin', 'leader', 'officer'],
  'intake.run': ['admin', 'officer'],
  // Dispatch, assessment, cockpit and reports (issue 6). The cockpit is the leaders' screen (leaders
  // and admins); officers see the warnings (they act on them), targets and the dispatch report they
  // compile for the city. An enterprise files its own projects' round reports only (round.policy.ts).
  'cockpit.read': ['admin', 'leader'],
  'warning.read': ['admin', 'leader', 'officer', 'supervisor'],
  // The zone's stage norms decide which projects are flagged as stuck: a zone-wide rule, admins only.
  'warning.norms': ['admin'],
  'report.read': ['admin', 'leader', 'officer'],
  // 签发: a 文号 is taken for good, so only who signs documents off (a leader) or the admin issues one.
  'report.issue': ['admin', 'leader'],
  'round.read': ['admin', 'leader', 'officer', 'enterprise'],
  'round.manage': ['admin'],
  'round.report': ['admin', 'officer', 'enterprise'],
  'round.remind': ['admin', 'officer'],
  'target.read': ['admin', 'leader', 'officer'],
  'target.write': ['admin'],
  // Parks, plots and building units (issue 18). What the zone can offer is shown to every pipeline
  // role and to enterprises (a firm looks for space too); which project or firm sits on a plot and
  // which lead holds it are scoped again in plot/unit.policy.ts (as for projects). Officers and
  // admins keep the land and building records and import outlines; reserving a place for a lead
  // (意向) is lead work (lead.write, and the lead's owner: site.policy.ts).
  'park.read': ['admin', 'leader', 'officer', 'enterprise'],
  'park.write': ['admin', 'officer'],
  // Agreements, actual figures, compliance and 亩均 (issue 14). Reading follows the project's scope
  // (an enterprise sees only its own projects' agreements and figures; a department only those of
  // the projects it is assigned to by a factor request or a supervised task, agreement-scope.ts); an
  // enterprise files its own figures (source: firm report). The 亩均 evaluation rates every firm of
  // the zone: zone staff read it, admins run it and set its weights.
  'agreement.read': ['admin', 'leader', 'officer', 'department', 'enterprise'],
  'agreement.write': ['admin', 'officer'],
  'actual.write': ['admin', 'officer', 'enterprise'],
  'compliance.read': ['admin', 'leader', 'officer', 'department', 'enterprise'],
  'compliance.act': ['admin', 'officer'],
  'mu.read': ['admin', 'leader', 'officer'],
  'mu.run': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).includes(role),
  );
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
