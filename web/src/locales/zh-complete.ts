import { bulkImportZh } from './bulk-import.zh';
import { chainZh } from './chain.zh';
import { channelsZh } from './channels.zh';
import { departmentsZh } from './departments.zh';
import { intakeZh } from './intake.zh';
import { menusZh } from './menus.zh';
import { parkZh } from './park.zh';
import { type Messages, zh } from './zh';

/**
 * The whole Chinese table: the shell's texts and every feature's own, as the UI has them once each
 * feature has loaded. Read by the locale test; the web never imports it (it would put every
 * feature's texts back into the app shell).
 */
export const zhComplete: Messages = {
  ...zh,
  ...intakeZh,
  ...chainZh,
  ...menusZh,
  ...bulkImportZh,
  ...parkZh,
  ...channelsZh,
  ...departmentsZh,
};
