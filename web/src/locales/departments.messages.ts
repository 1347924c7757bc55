import { departmentsZh } from './departments.zh';
import { addChineseMessages } from './i18n-context';

// The Chinese texts of the 部门与负责人 page, loaded with it instead of the app shell.
addChineseMessages(departmentsZh);
