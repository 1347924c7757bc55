import { Select, type SelectProps } from 'antd';
import { useLinkOptions } from '../lib/use-link-options';
import { useCan } from '../lib/use-me';
import { useI18n } from '../locales/i18n-context';

interface ChainLinkSelectProps extends Omit<SelectProps<string | null>, 'options' | 'onChange'> {
  value?: string | null;
  onChange?: (linkId: string | null) => void;
}

/**
 * Picks a chain link (产业链 / 环节 / 子环节) by its path, searchable: the replacement for the
 * pipeline's free-text chain field. Usable as a Form.Item control; saving goes through
 * PUT /api/chains/attachments (or a form that takes `linkId`).
 */
export function ChainLinkSelect({ value, onChange, ...rest }: ChainLinkSelectProps) {
  const { t } = useI18n();
  const can = useCan();
  const options = useLinkOptions(can('chain.read'));
  return (
    <Select<string | null>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('chain.link.pick')}
      loading={options.isFetching}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={(options.data?.items ?? []).map((o) => ({ value: o.id, label: o.path }))}
      data-testid="chain-link-select"
      {...rest}
    />
  );
}
