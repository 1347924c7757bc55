import { formatMoney, formatMoneyEn, formatWan } from '../../../shared/src/money';
import { useI18n } from '../locales/i18n-context';

/**
 * Amounts as people read them: 5.6亿元 / 4000万元 in Chinese, ¥560 million in English.
 * Use the hook in table renderers; `MoneyText` where a component is handier.
 */
export function useFormatMoney(): (yuan: number | null | undefined) => string {
  const { lang } = useI18n();
  return lang === 'zh' ? (yuan) => formatMoney(yuan) : (yuan) => formatMoneyEn(yuan);
}

/** Per-mu figures (亩均) read best in 万元/亩 whatever their size; English uses ¥ … /mu. */
export function useFormatPerMu(): (yuanPerMu: number | null | undefined) => string {
  const { t, lang } = useI18n();
  return (yuanPerMu) => {
    if (yuanPerMu === null || yuanPerMu === undefined) return '—';
    const value = lang === 'zh' ? formatWan(yuanPerMu, { decimals: 2 }) : formatMoneyEn(yuanPerMu);
    return t('money.wanPerMu', { value });
  };
}

export function MoneyText({ yuan }: { yuan: number | null | undefined }) {
  const format = useFormatMoney();
  return <span style={{ whiteSpace: 'nowrap' }}>{format(yuan)}</span>;
}
