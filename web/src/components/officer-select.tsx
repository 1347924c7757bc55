import { Select } from 'antd';
import { useI18n } from '../locales/i18n-context';

interface OfficerSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  options: { value: string; label: string }[];
  /** The current officer's name, shown even when the list is not available to this user. */
  initialLabel?: string | null;
  placeholder?: string;
  style?: { width?: number | string };
}

export function OfficerSelect({
  value,
  onChange,
  options,
  initialLabel,
  placeholder,
  style,
}: OfficerSelectProps) {
  const { t } = useI18n();
  const all =
    value && initialLabel && !options.some((option) => option.value === value)
      ? [{ value, label: initialLabel }, ...options]
      : options;
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next)}
      placeholder={placeholder ?? t('pipeline.officer')}
      options={all}
      style={style ?? { width: '100%' }}
    />
  );
}
