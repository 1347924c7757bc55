import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, type ListResult } from '../lib/api-client';
import { useI18n } from '../locales/i18n-context';

const DEBOUNCE_MS = 250;

/** A searchable project picker over `GET /api/projects?q=` (the task a project is about, issue 15). */
export function ProjectSelect({
  value,
  onChange,
  'data-testid': testId,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const projects = useQuery({
    queryKey: ['projects', 'picker', q],
    queryFn: ({ signal }) =>
      api.get<ListResult<{ id: string; code: string; name: string }>>(
        '/api/projects',
        { q: q || undefined, limit: 20 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      onClear={() => onChange?.(null)}
      allowClear
      placeholder={t('project.pickerPlaceholder')}
      notFoundContent={projects.isFetching ? <Spin size="small" /> : t('project.pickerEmpty')}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name, title: p.code }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
