import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, type ListResult } from '../lib/api-client';
import { useI18n } from '../locales/i18n-context';

interface OfficerAccount {
  id: string;
  displayName: string;
  disabled: boolean;
}

/**
 * Officers to filter or assign by. The only user list today is `GET /api/users` (user.manage, i.e.
 * admins), so other roles get no picker until the server offers a list of officers to lead.read.
 */
export function useOfficerOptions(enabled: boolean) {
  const officers = useQuery({
    queryKey: ['users', 'officers'],
    queryFn: ({ signal }) =>
      api.get<ListResult<OfficerAccount>>('/api/users', { role: 'officer', limit: 200, offset: 0 }, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  return (officers.data?.items ?? [])
    .filter((officer) => !officer.disabled)
    .map((officer) => ({ value: officer.id, label: officer.displayName }));
}

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
