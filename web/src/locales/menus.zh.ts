/** Chinese UI strings of menus per role, dialog wording and the readable audit log (issue 15). */
export const menusZh = {
  'menus.moveNote': '说明（选填）',
} as const;
