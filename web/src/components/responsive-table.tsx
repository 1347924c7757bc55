import { Button, Empty, Flex, Spin, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ComponentType, isValidElement, type Key, type ReactNode, useState } from 'react';
import { lazyComponent } from '../lib/lazy-component';
import { useIsPhone } from '../lib/use-is-phone';
import { useI18n } from '../locales/i18n-context';

type Props<Row extends object> = TableProps<Row> & { 'data-testid'?: string };

// The generic is lost through React.lazy; the props are checked at ResponsiveTable's boundary.
const DesktopTable = lazyComponent(() =>
  import('./desktop-table').then((m) => m.Table as unknown as ComponentType<Props<object>>),
);

/**
 * antd's Table on a larger screen; on a phone the same rows as cards, one field under the other
 * (label and value, the first column as the card's head, right-pinned actions at its foot), with no
 * sideways scrolling and without downloading the table widget. Takes the Table's own props.
 */
export function ResponsiveTable<Row extends object>(props: Props<Row>) {
  const isPhone = useIsPhone();
  if (!isPhone) return <DesktopTable {...(props as Props<object>)} />;
  return <PhoneRows {...props} />;
}

function leafColumns<Row>(columns: TableProps<Row>['columns']): ColumnType<Row>[] {
  return (columns ?? []).flatMap((column) =>
    'children' in column && column.children ? leafColumns(column.children) : [column as ColumnType<Row>],
  );
}

function valueAt(row: object, dataIndex: ColumnType<object>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const step of path) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(step)] : undefined;
  }
  return value;
}

/** What a column shows for a row, as the Table would draw it. */
function cellOf<Row extends object>(column: ColumnType<Row>, row: Row, index: number): ReactNode {
  const value = valueAt(row, column.dataIndex as ColumnType<object>['dataIndex']);
  const rendered: unknown = column.render ? column.render(value, row, index) : value;
  // A render may answer { children, props } (cell spans): only the content matters here.
  if (rendered && typeof rendered === 'object' && !isValidElement(rendered) && 'children' in rendered) {
    return (rendered as { children: ReactNode }).children;
  }
  return rendered as ReactNode;
}

function keyOf<Row extends object>(rowKey: TableProps<Row>['rowKey'], row: Row, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  const value = valueAt(row, (rowKey as string | undefined) ?? 'key');
  return typeof value === 'string' || typeof value === 'number' ? value : index;
}

function PhoneRows<Row extends object>({
  columns,
  dataSource = [],
  rowKey,
  onRow,
  rowClassName,
  loading,
  locale,
  pagination,
  'data-testid': testId,
}: Props<Row>) {
  const { t } = useI18n();
  const [localPage, setLocalPage] = useState(1);
  const leaves = leafColumns(columns);
  const [head, ...rest] = leaves.filter((column) => column.fixed !== 'right');
  const actions = leaves.filter((column) => column.fixed === 'right');

  // The table's paging: the server's page when the caller passes a total, else pages cut here.
  const paging = pagination === false ? null : (pagination ?? {});
  const pageSize = paging?.pageSize ?? 10;
  const serverPaged = paging?.total !== undefined && paging.onChange !== undefined;
  const current = paging?.current ?? localPage;
  const total = paging?.total ?? dataSource.length;
  const pages = paging ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const rows =
    paging && !serverPaged ? dataSource.slice((current - 1) * pageSize, current * pageSize) : dataSource;
  const goTo = (page: number) => {
    setLocalPage(page);
    paging?.onChange?.(page, pageSize);
  };
  const spinning = typeof loading === 'object' ? loading.spinning : loading;

  return (
    <Spin spinning={Boolean(spinning)}>
      <div className="lz-phone-rows" data-testid={testId}>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText as ReactNode} />
        ) : null}
        {rows.map((row, index) => {
          const rowProps = onRow?.(row, index) ?? {};
          const extraClass = typeof rowClassName === 'function' ? rowClassName(row, index, 0) : rowClassName;
          return (
            <div
              key={keyOf(rowKey, row, index)}
              {...rowProps}
              className={['lz-phone-row', extraClass, rowProps.className].filter(Boolean).join(' ')}
            >
              {head ? <div className="lz-phone-row-head">{cellOf(head, row, index)}</div> : null}
              {rest.map((column, columnIndex) => {
                const cell = cellOf(column, row, index);
                if (cell === null || cell === undefined || cell === '') return null;
                const label = typeof column.title === 'function' ? null : (column.title as ReactNode);
                return (
                  <div className="lz-phone-field" key={String(column.key ?? column.dataIndex ?? columnIndex)}>
                    {label ? <span className="lz-phone-label">{label}</span> : null}
                    <span className="lz-phone-value">{cell}</span>
                  </div>
                );
              })}
              {actions.length > 0 ? (
                <Flex gap={8} wrap justify="flex-end" className="lz-phone-row-actions">
                  {actions.map((column, columnIndex) => (
                    <span key={String(column.key ?? columnIndex)}>{cellOf(column, row, index)}</span>
                  ))}
                </Flex>
              ) : null}
            </div>
          );
        })}
        {paging?.showTotal && total > 0 ? (
          // The desk's pager says how many there are (共 N 条, or 约 N 条（估） past the exact cap): so do the cards.
          <div className="lz-phone-total">
            {paging.showTotal(total, [(current - 1) * pageSize + 1, Math.min(total, current * pageSize)])}
          </div>
        ) : null}
        {pages > 1 ? (
          <Flex justify="space-between" align="center" gap={8}>
            <Button disabled={current <= 1} onClick={() => goTo(current - 1)}>
              {t('phone.prevPage')}
            </Button>
            <span>{t('phone.pageOf', { current, pages })}</span>
            <Button disabled={current >= pages} onClick={() => goTo(current + 1)}>
              {t('phone.nextPage')}
            </Button>
          </Flex>
        ) : null}
      </div>
    </Spin>
  );
}
