import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { api, type ListResult } from '../lib/api-client';
import { useI18n } from '../locales/i18n-context';

/** The few firm fields a picker needs (a full firm also has them). */
interface FirmOption {
  id: string;
  name: string;
  uscc: string | null;
  region: string | null;
}

interface FirmSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the current value, so an edit form shows it before any search. */
  initialLabel?: string | null;
  /** Firms that may not be picked (e.g. the firm itself when adding a relation). */
  excludeIds?: string[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

const DEBOUNCE_MS = 250;

/** A searchable firm picker over `GET /api/firms?q=` (Chinese full-text: 乖宝, 宠物 …). */
export function FirmSelect({
  value,
  onChange,
  initialLabel,
  excludeIds = [],
  placeholder,
  allowClear = true,
  style,
  ...rest
}: FirmSelectProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const firms = useQuery({
    queryKey: ['firms', 'picker', q],
    queryFn: ({ signal }) =>
      api.get<ListResult<FirmOption>>('/api/firms', { q: q || undefined, limit: 20, sort: 'name' }, signal),
    placeholderData: keepPreviousData,
  });

  const options = (firms.data?.items ?? [])
    .filter((firm) => !excludeIds.includes(firm.id))
    .map((firm) => ({
      value: firm.id,
      label: firm.name,
      title: [firm.uscc, firm.region].filter(Boolean).join(' · '),
    }));
  if (value && initialLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: initialLabel, title: '' });
  }

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      onClear={() => onChange?.(null)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('firm.pickerPlaceholder')}
      notFoundContent={firms.isFetching ? <Spin size="small" /> : t('firm.pickerEmpty')}
      options={options}
      style={style ?? { width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
