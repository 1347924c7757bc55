import { Flex, Select } from 'antd';
import type { WarningOptions } from '../../../../../shared/src/contract/warning';
import { SEVERITIES, WARNING_KINDS } from '../../../../../shared/src/dispatch';
import { useI18n } from '../../../locales/i18n-context';
import type { WarningFilterKey } from './warning-filter-keys';

interface WarningFilterBarProps {
  filters: Partial<Record<WarningFilterKey, string>>;
  options: WarningOptions | undefined;
  onChange: (patch: Partial<Record<WarningFilterKey, string | undefined>>) => void;
}

/**
 * The five pickers of `/warnings` (kind, severity, park, chain, officer). Loaded after the list
 * (antd's Select is the heaviest widget of the page, and a phone reads the list first).
 */
export function WarningFilterBar({ filters, options, onChange }: WarningFilterBarProps) {
  const { t } = useI18n();
  const select = (key: WarningFilterKey, placeholder: string, opts: { value: string; label: string }[]) => (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      value={filters[key]}
      onChange={(v) => onChange({ [key]: v })}
      options={opts}
      style={{ minWidth: 150 }}
      data-testid={`warning-filter-${key}`}
    />
  );
  return (
    <Flex gap={12} wrap style={{ marginBottom: 12 }} data-testid="warning-filter-bar">
      {select(
        'kind',
        t('warning.filter.kind'),
        WARNING_KINDS.map((k) => ({ value: k, label: t(`warning.kind.${k}`) })),
      )}
      {select(
        'severity',
        t('warning.filter.severity'),
        SEVERITIES.map((s) => ({ value: s, label: t(`warning.severity.${s}`) })),
      )}
      {select(
        'park',
        t('warning.filter.park'),
        (options?.parks ?? []).map((p) => ({ value: p, label: p })),
      )}
      {select(
        'chain',
        t('warning.filter.chain'),
        (options?.chains ?? []).map((c) => ({ value: c.id, label: c.name })),
      )}
      {select(
        'officerId',
        t('warning.filter.officer'),
        (options?.officers ?? []).map((o) => ({ value: o.id, label: o.name })),
      )}
    </Flex>
  );
}
