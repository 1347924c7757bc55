import enUS from 'antd/locale/en_US';
import { en } from './en';

/**
 * Everything the English UI needs, in one chunk loaded only when someone picks English: most users
 * never do, and the two tables together were ~15 KB gzipped of every phone page's first load.
 */
export const englishBundle = { messages: en, antdLocale: enUS };
