import { addChineseMessages } from './i18n-context';
import { intakeZh } from './intake.zh';

// The Chinese texts of 资讯录入 intake: the form, the proposals and the provenance list, loaded with the feature's
// chunk instead of the app shell. Every file of the feature that draws them imports this module.
addChineseMessages(intakeZh);
