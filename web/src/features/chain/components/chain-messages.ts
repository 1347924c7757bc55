import { chainZh } from '../../../locales/chain.zh';
import { addChineseMessages } from '../../../locales/i18n-context';

// The Chinese texts of 产业链 chains and 以商招商 referrals, loaded with the feature's
// chunk instead of the app shell. Every file of the feature that draws them imports this module.
addChineseMessages(chainZh);
