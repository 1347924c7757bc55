import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../locales/i18n-context';

/** Toggles between Chinese and English; the choice is remembered in localStorage. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      data-testid="lang-switch"
      aria-label={t('lang.switchTo')}
      style={onDark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
