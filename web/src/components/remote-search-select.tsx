import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { api, type ListResult } from '../lib/api-client';

const DEBOUNCE_MS = 250;

export interface RemoteSearchSelectProps<T extends { id: string }> {
  /** The list endpoint searched with `?q=` (Chinese full-text), e.g. `/api/firms`. */
  path: string;
  /** The query key's head (the area's cache key, so that area's edits refresh the picker). */
  queryKey: readonly string[];
  /** Further list parameters: page size, sort. */
  params?: Record<string, string | number>;
  /** How one found record shows: its label and a hover title. */
  toOption: (item: T) => { label: string; title: string };
  value?: string | null | undefined;
  onChange?: ((value: string | null) => void) | undefined;
  /** The name of the current value, so an edit form shows it before any search. */
  initialLabel?: string | null | undefined;
  /** Records that may not be picked (e.g. the firm itself when adding a relation). */
  excludeIds?: readonly string[] | undefined;
  placeholder: string;
  emptyText: string;
  allowClear?: boolean | undefined;
  style?: CSSProperties | undefined;
  'data-testid'?: string | undefined;
}

/**
 * A select that searches a list endpoint as the user types (debounced), shared by the firm and
 * project pickers: the options are the first page of matches, the current value stays shown.
 */
export function RemoteSearchSelect<T extends { id: string }>({
  path,
  queryKey,
  params,
  toOption,
  value,
  onChange,
  initialLabel,
  excludeIds = [],
  placeholder,
  emptyText,
  allowClear = true,
  style,
  'data-testid': testId,
}: RemoteSearchSelectProps<T>) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const found = useQuery({
    queryKey: [...queryKey, 'picker', q],
    queryFn: ({ signal }) => api.get<ListResult<T>>(path, { q: q || undefined, ...params }, signal),
    placeholderData: keepPreviousData,
  });

  const options = (found.data?.items ?? [])
    .filter((item) => !excludeIds.includes(item.id))
    .map((item) => ({ value: item.id, ...toOption(item) }));
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
      placeholder={placeholder}
      notFoundContent={found.isFetching ? <Spin size="small" /> : emptyText}
      options={options}
      style={style ?? { width: '100%' }}
      data-testid={testId}
    />
  );
}
