import { bulkImportZh } from '../../../locales/bulk-import.zh';
import { addChineseMessages } from '../../../locales/i18n-context';

// The Chinese texts of the firms' bulk import, loaded with the feature's
// chunk instead of the app shell. Every file of the feature that draws them imports this module.
addChineseMessages(bulkImportZh);
