import type { workbenchZh } from './workbench.zh';

/** English UI strings of the workbench and the phone layout (issue 17). */
export const workbenchEn: { readonly [K in keyof typeof workbenchZh]: string } = {
  'workbench.title': 'My workbench',
  'workbench.all': 'All',
  'workbench.roundsToFile': 'Rounds to file',
  'workbench.myLeads': 'My leads',
  'workbench.myProjects': 'My projects',
  'workbench.reportedOf': '{reported}/{expected} reported',
  'phone.prevPage': 'Previous',
  'phone.nextPage': 'Next',
  'phone.pageOf': 'Page {current} of {pages}',
};
