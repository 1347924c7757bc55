import type { SorterResult, SortOrder } from 'antd/es/table/interface';

/**
 * The API's `sort` parameter (`name`, `-totalInvestment`) from an antd Table sorter, using each
 * column's `key` as the server's sort name; null when the user cleared the sort.
 */
export function sortParamOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | null {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order || first.columnKey === undefined) return null;
  return `${first.order === 'descend' ? '-' : ''}${String(first.columnKey)}`;
}

/** The column's `sortOrder` for the current `sort` parameter (keeps the header arrows in step). */
export function sortOrderOf(sort: string | undefined, key: string): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}
