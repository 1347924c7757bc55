import type { menusZh } from './menus.zh';

/** English UI strings of menus per role, dialog wording and the readable audit log (issue 15). */
export const menusEn: Record<keyof typeof menusZh, string> = {
  'menus.moveNote': 'Note (optional)',
};
