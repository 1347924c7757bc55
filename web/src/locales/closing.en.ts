import type { closingZh } from './closing.zh';

/** English UI strings of issue 15 (see closing.zh.ts). */
export const closingEn: { readonly [K in keyof typeof closingZh]: string } = {
  'warning.kind.task_overdue': 'Overdue task',
  'warning.kind.problem_overdue': 'Overdue rectification',
  'warning.filter.kind': 'All kinds',
  'warning.filter.severity': 'All severities',
  'warning.filter.park': 'All parks',
  'warning.filter.chain': 'All chains',
  'warning.filter.officer': 'All officers',
  'warning.filter.projectsOnly':
    'Filtered by park, chain or officer, only project warnings are listed (tasks and problem lists belong to no project)',
  'listFilter.label': 'Filtered by',
  'listFilter.signed': 'Signed',
  'listFilter.clearAll': 'Clear filters',
};
