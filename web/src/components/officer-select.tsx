import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { StaffAccount } from '../../../shared/src/contract/account';
import { api } from '../lib/api-client';
import { useI18n } from '../locales/i18n-context';

/**
 * Zone staff to filter or assign by, from `GET /api/officers` (lead.read: admins, leaders and
 * officers — server/src/modules/user/officer.routes.ts). `role` picks officers (owners of leads,
 * officers of projects) or leaders (包保领导). Pass `enabled` false for roles without access.
 */
export function useOfficerOptions(enabled: boolean, role: StaffAccount['role'] = 'officer') {
  const staff = useQuery({
    queryKey: ['officers'],
    queryFn: ({ signal }) => api.get<{ items: StaffAccount[] }>('/api/officers', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  return (staff.data?.items ?? [])
    .filter((account) => account.role === role)
    .map((account) => ({ value: account.id, label: account.displayName }));
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
