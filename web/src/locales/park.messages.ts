import { addChineseMessages } from './i18n-context';
import { parkZh } from './park.zh';

// The Chinese texts of parks, plots, units and the 招商地图, loaded with the park pages (and the lead's
// sites card) instead of the app shell. Every file that draws them imports this module.
addChineseMessages(parkZh);
