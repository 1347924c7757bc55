import { channelsZh } from './channels.zh';
import { addChineseMessages } from './i18n-context';

// The Chinese texts of the 消息通道 page, loaded with it instead of the app shell.
addChineseMessages(channelsZh);
