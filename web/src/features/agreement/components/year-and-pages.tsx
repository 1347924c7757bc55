import { InputNumber, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { AGREEMENT_LIMITS } from '../../../../../shared/src/agreement';

/** The year a compliance list or a 亩均 ranking is of. */
export function YearInput({
  value,
  onChange,
  label,
  testId,
}: {
  value: number;
  onChange: (year: number) => void;
  label: string;
  testId?: string;
}) {
  return (
    <InputNumber
      min={2000}
      max={2100}
      value={value}
      onChange={(v) => v && onChange(v)}
      addonBefore={label}
      data-testid={testId}
    />
  );
}

/**
 * The page a server-paged list shows (a zone has tens of thousands of rows): `restart` goes back
 * to page 1 when the year or a filter changes; `table(total)` is the desktop table's pagination.
 */
export function useServerPages() {
  const [page, setPage] = useState<{ current: number; pageSize: number }>({
    current: 1,
    pageSize: AGREEMENT_LIMITS.defaultPageSize,
  });
  return {
    page,
    goTo: (current: number) => setPage((p) => ({ ...p, current })),
    restart: () => setPage((p) => ({ ...p, current: 1 })),
    table: (total: number): TablePaginationConfig => ({
      ...page,
      total,
      hideOnSinglePage: true,
      showSizeChanger: true,
      pageSizeOptions: [20, AGREEMENT_LIMITS.defaultPageSize, 100, AGREEMENT_LIMITS.maxPageSize],
      onChange: (current, pageSize) => setPage({ current, pageSize }),
    }),
  };
}
