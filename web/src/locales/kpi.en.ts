import type { kpiZh } from './kpi.zh';

/** English UI strings of project parties and figure provenance (issue 14). */
export const kpiEn: Record<keyof typeof kpiZh, string> = {
  'kpi.company': 'Project company',
  'kpi.companyHint':
    'The company that signs (often newly founded), apart from the investors and the firm first approached',
  'kpi.role.investor': 'Investor',
  'kpi.role.company': 'Project company',
  'kpi.role.approached': 'Approached',
  'kpi.firmProjects': 'Projects',
  'kpi.sourceTip': '{source}: {origin}',
  'kpi.sourceBy': '{actor}, {at}',
  'kpi.share': 'incl. {n} {source}',
  'kpi.verify': 'Verify figures',
  'kpi.verifyConfirm':
    'Confirm these figures are verified (against statistics, the contract or a visit)? They show as verified until rewritten.',
  'kpi.verified': 'Verified',
  'kpi.mode.promised': 'Promised',
  'kpi.mode.actual': 'Actual',
  'kpi.promisedInvestment': 'Signed total investment (promised)',
  'kpi.actualCompleted': 'Cumulative investment completed (actual)',
  'kpi.actualFunds': 'Cumulative funds in place (actual)',
  'kpi.reportingProjects': '{n} projects reporting in dispatch',
};
