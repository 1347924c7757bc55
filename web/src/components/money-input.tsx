import { Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { CSSProperties } from 'react';
import { formatMoney, parseMoney } from '../../../shared/src/money';
import type { LocalizedText } from '../locales/i18n-context';
import { useI18n } from '../locales/i18n-context';
import { useFormatMoney } from './money-text';

interface MoneyInputProps {
  /** What the person typed (5.6亿, 4000万, 860万); the form turns it into yuan on submit. */
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
  onPressEnter?: () => void;
  onBlur?: () => void;
}

/**
 * A text box for an amount typed the way people say it (5.6亿, 4000万元, 860万, 12345 as yuan).
 * The suffix shows how the system reads it (= 5.6亿元), or nothing while the input is unreadable —
 * the form rule `moneyRule` then names the problem.
 */
export function MoneyInput({
  value,
  onChange,
  placeholder,
  style,
  onPressEnter,
  onBlur,
  ...rest
}: MoneyInputProps) {
  const { t } = useI18n();
  const format = useFormatMoney();
  const parsed = value?.trim() ? parseMoney(value) : null;
  return (
    <Input
      value={value}
      onChange={(event) => onChange?.(event.target.value)}
      placeholder={placeholder ?? t('money.placeholder')}
      style={style}
      maxLength={40}
      allowClear
      onPressEnter={onPressEnter}
      onBlur={onBlur}
      data-testid={rest['data-testid']}
      suffix={
        parsed?.ok ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            = {format(parsed.yuan)}
          </Typography.Text>
        ) : (
          <span />
        )
      }
    />
  );
}

/** Form rule for a MoneyInput: empty passes unless `required`; otherwise parseMoney must accept it. */
export function moneyRule(pick: (text: LocalizedText) => string, required = false): Rule {
  return {
    required,
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) {
        if (required) throw new Error(pick({ zh: '请输入金额', en: 'Enter an amount' }));
        return;
      }
      const result = parseMoney(value);
      if (!result.ok) throw new Error(pick(result.message));
    },
  };
}

/** The yuan of a MoneyInput's text: null when empty (the rule has already refused bad text). */
export function moneyToYuan(text: string | undefined | null): number | null {
  if (!text?.trim()) return null;
  const result = parseMoney(text);
  return result.ok ? result.yuan : null;
}

/** A stored amount as editable text that parses back to exactly the same yuan (1.23456789亿元). */
export function yuanToMoneyText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '' : formatMoney(yuan, { maxDecimals: 8 });
}
