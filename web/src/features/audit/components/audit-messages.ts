import { addChineseMessages } from '../../../locales/i18n-context';
import { menusZh } from '../../../locales/menus.zh';

// The Chinese texts of the audit log: entity, action and field names, loaded with the feature's
// chunk instead of the app shell. Every file of the feature that draws them imports this module.
addChineseMessages(menusZh);
