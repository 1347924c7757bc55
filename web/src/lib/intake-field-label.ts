import { isMessageKey, useI18n } from '../locales/i18n-context';
import '../locales/intake.messages';

/** The label of a payload field (project form labels where they exist). */
export function useFieldLabel() {
  const { t } = useI18n();
  return (key: string) => {
    const k = `intake.field.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
}
